// Runs the Cloud Pipeline API stand-in alone until SIGTERM, in its own process (the home-folder
// bench measures the client apart from the server). Writes <state-dir>/cloud-pipeline-api.env once
// it listens.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startCloudPipelineApi } from './server.js';

const { values } = parseArgs({
  options: { 'state-dir': { type: 'string' }, users: { type: 'string', default: '0' }, port: { type: 'string', default: '0' }, registries: { type: 'string', default: '' } },
});
const stateDir = values['state-dir'];
if (!stateDir) throw new Error('--state-dir is required');
const api = await startCloudPipelineApi({
  users: Number(values.users),
  port: Number(values.port),
  token: process.env.SANDBOX_API_TOKEN || undefined,
  preferences: { 'storage.user.home.auto': 'true' },
  registries: values.registries.split(',').filter((registry) => registry !== ''),
});
const envFile = join(stateDir, 'cloud-pipeline-api.env');
await writeFile(envFile, `SANDBOX_API_URL=${api.url}\nSANDBOX_API_TOKEN=${api.token}\n`, { mode: 0o600 });
console.log(`cloud-pipeline-api: listening at ${api.url}`);
const stop = () => {
  void api
    .stop()
    .then(() => rm(envFile, { force: true }))
    .then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
