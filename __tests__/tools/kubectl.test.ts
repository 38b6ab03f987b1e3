import { describe, expect, it } from '@jest/globals';
import type { CommandRunner } from '../../src/tools/exec.js';
import {
  Kubectl,
  KubectlError,
  annotateArgs,
  authCanIArgs,
  applyArgs,
  connectionArgs,
  createArgs,
  deleteArgs,
  deleteSelectorArgs,
  describeArgs,
  getEachArgs,
  execArgs,
  diffArgs,
  getArgs,
  logsArgs,
  replaceArgs,
  rolloutRestartArgs,
  rolloutStatusArgs,
  versionArgs,
  waitArgs,
} from '../../src/tools/kubectl.js';

const edge = { kind: 'deployment', name: 'cp-edge' };

describe('kubectl argv builders', () => {
  it.each([
    ['apply', applyArgs(), ['apply', '-f', '-', '--validate=false']],
    ['apply dry-run', applyArgs({ dryRun: 'server' }), ['apply', '-f', '-', '--validate=false', '--dry-run=server']],
    ['create', createArgs(), ['create', '-f', '-', '--validate=false']],
    ['replace', replaceArgs(), ['replace', '-f', '-', '--validate=false']],
    ['get one', getArgs(edge), ['get', 'deployment/cp-edge', '-o', 'json']],
    ['get list', getArgs({ kind: 'configmaps', selector: 'a=b' }), ['get', 'configmaps', '-o', 'json', '--selector=a=b']],
    ['diff', diffArgs(), ['diff', '-f', '-']],
    ['delete by selector', deleteSelectorArgs('pods', 'a=b,c=d', { ignoreNotFound: true, wait: true }), ['delete', 'pods', '--selector=a=b,c=d', '--ignore-not-found', '--wait=true']],
    ['version', versionArgs(), ['version', '-o', 'json']],
    ['exec', execArgs({ pod: 'cp-edge-1', command: ['sh', '-c', 'nginx -t'] }), ['exec', 'cp-edge-1', '--', 'sh', '-c', 'nginx -t']],
    [
      'exec with stdin and container',
      execArgs({ pod: 'cp-edge-1', container: 'cp-edge', stdin: true, command: ['flock', '-w', '60', '/var/run/sync-routes.lock', 'sh', '-s', '--', '--x'] }),
      ['exec', 'cp-edge-1', '-i', '--container=cp-edge', '--', 'flock', '-w', '60', '/var/run/sync-routes.lock', 'sh', '-s', '--', '--x'],
    ],
    ['delete', deleteArgs([edge, { kind: 'job', name: 'j' }], { ignoreNotFound: true, wait: false }), ['delete', 'deployment/cp-edge', 'job/j', '--ignore-not-found', '--wait=false']],
    ['get each', getEachArgs([edge, { kind: 'secret', name: 's' }]), ['get', 'deployment/cp-edge', 'secret/s', '-o', 'json', '--ignore-not-found']],
    ['rollout restart', rolloutRestartArgs(edge), ['rollout', 'restart', 'deployment/cp-edge']],
    ['rollout status', rolloutStatusArgs(edge, { timeout: '5m' }), ['rollout', 'status', 'deployment/cp-edge', '--watch=true', '--timeout=5m']],
    ['wait', waitArgs({ kind: 'job', name: 'j' }, { for: 'condition=complete', timeout: '60s' }), ['wait', 'job/j', '--for=condition=complete', '--timeout=60s']],
    ['logs', logsArgs({ kind: 'job', name: 'j' }, { tail: 50, container: 'installer' }), ['logs', 'job/j', '--container=installer', '--tail=50']],
    ['describe', describeArgs(edge), ['describe', 'deployment/cp-edge']],
    ['annotate', annotateArgs(edge, { 'a/b': 'sha256:1' }), ['annotate', 'deployment/cp-edge', 'a/b=sha256:1', '--overwrite']],
    [
      'connection',
      connectionArgs({ kubeconfig: '/k', context: 'c', namespace: 'n', cacheDir: '/cache', requestTimeout: '30s' }),
      ['--kubeconfig=/k', '--context=c', '--namespace=n', '--cache-dir=/cache', '--request-timeout=30s'],
    ],
    ['no connection', connectionArgs({}), []],
    ['can-i', authCanIArgs({ verb: 'patch', resource: 'deployments', group: 'apps', name: 'cp-edge' }), ['auth', 'can-i', 'patch', 'deployments.apps/cp-edge']],
    ['can-i subresource', authCanIArgs({ verb: 'get', resource: 'pods', subresource: 'log' }), ['auth', 'can-i', 'get', 'pods', '--subresource=log']],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });
});

describe('Kubectl', () => {
  function recording(result: { exitCode: number; stdout?: string; stderr?: string }): { runner: CommandRunner; calls: Array<{ args: readonly string[]; input?: string }> } {
    const calls: Array<{ args: readonly string[]; input?: string }> = [];
    const runner: CommandRunner = (_command, args, options) => {
      calls.push({ args, input: options?.input?.toString() });
      return Promise.resolve({ exitCode: result.exitCode, stdout: result.stdout ?? '', stderr: result.stderr ?? '' });
    };
    return { runner, calls };
  }

  it('adds the connection flags to every call and passes manifests on stdin', async () => {
    const { runner, calls } = recording({ exitCode: 0 });
    const kubectl = new Kubectl('kubectl', { kubeconfig: '/k', namespace: 'default' }, runner);
    await kubectl.create('{"kind":"ConfigMap"}');
    expect(calls[0]).toEqual({ args: ['create', '-f', '-', '--validate=false', '--kubeconfig=/k', '--namespace=default'], input: '{"kind":"ConfigMap"}' });
  });

  it('leaves --request-timeout off the watches that have their own --timeout', async () => {
    const { runner, calls } = recording({ exitCode: 0 });
    const kubectl = new Kubectl('kubectl', { namespace: 'default', requestTimeout: '60s' }, runner);
    await kubectl.rolloutStatus(edge, { timeout: '5m' });
    await kubectl.get(edge).catch(() => undefined);
    expect(calls[0].args).toEqual(['rollout', 'status', 'deployment/cp-edge', '--watch=true', '--timeout=5m', '--namespace=default']);
    expect(calls[1].args).toContain('--request-timeout=60s');
  });

  it('turns a non-zero exit into an error with the verb and the last stderr lines', async () => {
    const { runner } = recording({ exitCode: 1, stderr: 'noise\nError from server (Forbidden): deployments.apps "cp-edge" is forbidden: User "ci" cannot get resource' });
    const kubectl = new Kubectl('kubectl', {}, runner);
    const error = await kubectl.describe(edge).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KubectlError);
    expect((error as KubectlError).message).toMatch(/^kubectl describe failed \(exit 1\): noise\nError from server \(Forbidden\)/);
    expect((error as KubectlError).forbidden).toBe(true);
  });

  it('get returns undefined for NotFound and the parsed object otherwise', async () => {
    const missing = new Kubectl('kubectl', {}, recording({ exitCode: 1, stderr: 'Error from server (NotFound): deployments.apps "x" not found' }).runner);
    expect(await missing.get(edge)).toBeUndefined();
    const found = new Kubectl('kubectl', {}, recording({ exitCode: 0, stdout: '{"kind":"Deployment"}' }).runner);
    expect(await found.get(edge)).toEqual({ kind: 'Deployment' });
  });

  it('diff treats exit 1 as "differences" and names rollout verbs in full', async () => {
    const diff = new Kubectl('kubectl', {}, recording({ exitCode: 1, stdout: '+ a' }).runner);
    expect(await diff.diff('{}')).toBe('+ a');
    const status = new Kubectl('kubectl', {}, recording({ exitCode: 1, stderr: 'error: timed out waiting for the condition' }).runner);
    await expect(status.rolloutStatus(edge, { timeout: '1s' })).rejects.toThrow('kubectl rollout status failed (exit 1): error: timed out waiting for the condition');
  });

  it('exec refuses an empty command', () => {
    expect(() => execArgs({ pod: 'p', command: [] })).toThrow('kubectl exec needs a command');
  });

  it("exec answers the command's own exit code and output, and throws for kubectl's own failures", async () => {
    const failed = new Kubectl('kubectl', {}, recording({ exitCode: 4, stdout: 'out', stderr: 'nginx: [emerg] bad\ncommand terminated with exit code 4' }).runner);
    expect(await failed.exec({ pod: 'p', command: ['sh'] })).toMatchObject({ exitCode: 4, stdout: 'out' });
    const denied = new Kubectl('kubectl', {}, recording({ exitCode: 1, stderr: 'Error from server (Forbidden): pods "p" is forbidden: cannot create resource "pods/exec"' }).runner);
    const error = await denied.exec({ pod: 'p', command: ['sh'] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KubectlError);
    expect((error as KubectlError).forbidden).toBe(true);
    const { runner, calls } = recording({ exitCode: 0 });
    await new Kubectl('kubectl', { namespace: 'n', requestTimeout: '60s' }, runner).exec({ pod: 'p', command: ['sh', '-s'], stdin: true, input: 'echo hi' });
    // The connection flags stay kubectl's: before the `--` that starts the command's argv.
    expect(calls[0]).toEqual({ args: ['exec', 'p', '-i', '--namespace=n', '--', 'sh', '-s'], input: 'echo hi' });
  });

  it('version reads the client and server gitVersion, and fails when the server does not answer', async () => {
    const both = new Kubectl('kubectl', {}, recording({ exitCode: 0, stdout: '{"clientVersion":{"gitVersion":"v1.32.2"},"serverVersion":{"gitVersion":"v1.15.4"}}' }).runner);
    expect(await both.version()).toEqual({ client: 'v1.32.2', server: 'v1.15.4' });
    const unreachable = new Kubectl('kubectl', {}, recording({ exitCode: 1, stdout: '{"clientVersion":{"gitVersion":"v1.32.2"}}', stderr: 'The connection to the server 127.0.0.1:1 was refused' }).runner);
    await expect(unreachable.version()).rejects.toThrow('kubectl version failed (exit 1): The connection to the server 127.0.0.1:1 was refused');
  });
});
