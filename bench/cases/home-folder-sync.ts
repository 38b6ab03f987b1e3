// Home-folder sync (SPEC §8): 5,000 users with a 6-folder hierarchy at 20 ms injected API
// latency, bounded concurrency (the default) against one call at a time, both measured on all
// 5,000 users (the one-at-a-time run takes a few minutes: ~10k calls × 20 ms).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { barRow, type BenchRow } from '../row.js';
import { timed } from '../timing.js';
import { createCloudPipelineClient } from '../../src/cloud-pipeline/index.js';
import { DEFAULT_CONCURRENCY, provision, type DesiredState } from '../../src/actions/deploy-quick-launcher/provision/index.js';

const USERS = 5000;
const LATENCY_MS = 20;
const CASE = 'home-folder-sync';
const desired: DesiredState = { homeHierarchy: { '@@': { ShinyApps: { log: {}, apps: {} }, R: { library: {} } } }, syncHomeFolders: 'all' };

interface StandIn {
  url: string;
  token: string;
  child: ChildProcess;
  dir: string;
}

/** The stand-in in its own process, so the client's time and memory are measured alone. */
async function startStandIn(users: number): Promise<StandIn> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-home-sync-'));
  const script = fileURLToPath(new URL('../../src/sandbox/cloud-pipeline-api/serve.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, '--state-dir', dir, '--users', String(users)], { stdio: 'ignore' });
  const envFile = join(dir, 'cloud-pipeline-api.env');
  while (!existsSync(envFile)) {
    if (child.exitCode !== null) throw new Error('the stand-in did not start');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const env = Object.fromEntries((await readFile(envFile, 'utf8')).trim().split('\n').map((line) => line.split('=', 2) as [string, string]));
  const standIn = { url: env.SANDBOX_API_URL ?? '', token: env.SANDBOX_API_TOKEN ?? '', child, dir };
  await sandbox(standIn, 'faults', { method: 'POST', body: JSON.stringify({ latencyMs: LATENCY_MS }) });
  return standIn;
}

async function sandbox(standIn: StandIn, what: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(standIn.url.replace('/pipeline/restapi', `/_sandbox/${what}`), init);
  return response.json();
}

async function stopStandIn(standIn: StandIn): Promise<void> {
  standIn.child.kill('SIGTERM');
  await new Promise((resolve) => standIn.child.once('exit', resolve));
  await rm(standIn.dir, { recursive: true, force: true });
}

async function measure(standIn: StandIn, concurrency: number) {
  const client = createCloudPipelineClient({ url: standIn.url, token: standIn.token, maxSockets: concurrency * 2 });
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  const [ms, result] = await timed(() => provision(client, desired, { concurrency }));
  const seconds = ms / 1000;
  clearInterval(sampler);
  client.close();
  const log = (await sandbox(standIn, 'requests')) as { mutating: boolean }[];
  return { seconds, result, requests: log.length, mutating: log.filter((entry) => entry.mutating).length, peakMiB: peak / 2 ** 20 };
}

export async function run(): Promise<BenchRow[]> {
  const serialStandIn = await startStandIn(USERS);
  const serial = await measure(serialStandIn, 1).finally(() => stopStandIn(serialStandIn));
  const big = await startStandIn(USERS);
  let parallel: Awaited<ReturnType<typeof measure>>;
  let rerunMutating: number;
  try {
    parallel = await measure(big, DEFAULT_CONCURRENCY);
    await sandbox(big, 'faults', { method: 'POST', body: JSON.stringify({ latencyMs: 0 }) });
    await sandbox(big, 'requests', { method: 'DELETE' });
    rerunMutating = (await measure(big, DEFAULT_CONCURRENCY)).mutating;
  } finally {
    await stopStandIn(big);
  }
  const ratio = serial.seconds / parallel.seconds;
  return [
    { case: CASE, metric: `concurrency 1, ${USERS} users`, value: `${serial.seconds.toFixed(1)} s, ${serial.requests} requests, ${serial.result.counts.foldersCreated} folders` },
    {
      case: CASE,
      metric: `concurrency ${DEFAULT_CONCURRENCY} (default), ${USERS} users`,
      value: `${parallel.seconds.toFixed(1)} s, ${parallel.requests} requests (${parallel.mutating} mutating), ${parallel.result.counts.foldersCreated} folders`,
    },
    barRow({ case: CASE, metric: 'speed-up, default vs concurrency 1 (both measured)', value: `${ratio.toFixed(1)}×` }, '≥ 6×', ratio >= 6),
    { case: CASE, metric: 'peak RSS of the provisioning process (stand-in apart)', value: `${Math.max(serial.peakMiB, parallel.peakMiB).toFixed(0)} MiB` },
    barRow({ case: CASE, metric: `no-op re-sync of ${USERS} users: mutating calls`, value: String(rerunMutating) }, '0', rerunMutating === 0),
    { case: CASE, metric: `injected latency per call`, value: `${LATENCY_MS} ms` },
  ];
}
