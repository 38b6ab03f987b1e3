// npm run sandbox -- up --state-dir D [--users N] | down --state-dir D
// Starts the local stand-ins (SPEC §7) in the background and writes D/sandbox.env for the demo
// and for people pointing the actions at them; `down` stops them by PID.
import { spawn } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

interface UpOptions {
  stateDir: string;
  users: number;
}

/** One background stand-in: a script that writes `<stateDir>/<name>.env` once it serves. */
export interface SandboxService {
  name: string;
  script: URL;
  args(options: UpOptions): string[];
}

/** The stand-ins `up` starts, in order (`down` stops them in reverse). Add new ones here. */
export const SERVICES: SandboxService[] = [
  {
    name: 'cloud-pipeline-api',
    script: new URL('./cloud-pipeline-api/serve.ts', import.meta.url),
    args: (options) => ['--state-dir', options.stateDir, '--users', String(options.users)],
  },
];

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const pidFile = (dir: string, service: SandboxService) => join(dir, `${service.name}.pid`);
const envFile = (dir: string, service: SandboxService) => join(dir, `${service.name}.env`);

async function readPid(dir: string, service: SandboxService): Promise<number | undefined> {
  const text = await readFile(pidFile(dir, service), 'utf8').catch(() => '');
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

async function up(options: UpOptions): Promise<void> {
  await mkdir(options.stateDir, { recursive: true });
  const env: string[] = [];
  for (const service of SERVICES) {
    const running = await readPid(options.stateDir, service);
    if (running !== undefined && alive(running)) throw new Error(`${service.name} is already running (PID ${running}); run 'down' first`);
    await rm(envFile(options.stateDir, service), { force: true });
    const log = openSync(join(options.stateDir, `${service.name}.log`), 'a');
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(service.script), ...service.args(options)], {
      detached: true,
      stdio: ['ignore', log, log],
    });
    child.unref();
    await writeFile(pidFile(options.stateDir, service), `${child.pid}\n`);
    for (let waited = 0; !existsSync(envFile(options.stateDir, service)); waited += 100) {
      if (waited > 30_000 || child.exitCode !== null) {
        throw new Error(`${service.name} did not start; see ${join(options.stateDir, `${service.name}.log`)}`);
      }
      await sleep(100);
    }
    env.push(await readFile(envFile(options.stateDir, service), 'utf8'));
    console.error(`sandbox: ${service.name} up (PID ${child.pid})`);
  }
  await writeFile(join(options.stateDir, 'sandbox.env'), env.join(''), { mode: 0o600 });
  console.error(`sandbox: settings in ${join(options.stateDir, 'sandbox.env')}`);
}

async function down(stateDir: string): Promise<void> {
  for (const service of [...SERVICES].reverse()) {
    const pid = await readPid(stateDir, service);
    if (pid !== undefined && alive(pid)) {
      process.kill(pid, 'SIGTERM');
      for (let waited = 0; alive(pid) && waited < 10_000; waited += 100) await sleep(100);
      if (alive(pid)) process.kill(pid, 'SIGKILL');
      console.error(`sandbox: ${service.name} stopped (PID ${pid})`);
    }
    await rm(pidFile(stateDir, service), { force: true });
    await rm(envFile(stateDir, service), { force: true });
  }
  await rm(join(stateDir, 'sandbox.env'), { force: true });
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { 'state-dir': { type: 'string' }, users: { type: 'string', default: '0' } },
});
const command = positionals[0];
const stateDir = values['state-dir'];
if ((command !== 'up' && command !== 'down') || !stateDir || !/^\d+$/.test(values.users)) {
  console.error('usage: npm run sandbox -- up --state-dir DIR [--users N] | down --state-dir DIR');
  process.exit(2);
}
try {
  if (command === 'up') await up({ stateDir: resolve(stateDir), users: Number(values.users) });
  else await down(resolve(stateDir));
} catch (error) {
  console.error(`sandbox: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
