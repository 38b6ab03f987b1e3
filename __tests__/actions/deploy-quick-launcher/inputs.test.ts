import { describe, expect, it } from '@jest/globals';
import { getInputs, parseDuration, parseNodeSelector } from '../../../src/actions/deploy-quick-launcher/inputs.js';
import { InputReader, inputsFrom } from '../../../src/lib/inputs.js';

const REQUIRED = { kubeconfig: 'apiVersion: v1', distribution: '/d', 'edge-config': '/e' };

function read(values: Record<string, string>): ReturnType<typeof getInputs> {
  return getInputs(new InputReader(inputsFrom({ ...REQUIRED, ...values })), {});
}

describe('deploy-quick-launcher inputs', () => {
  it('has the SPEC defaults', () => {
    expect(read({})).toMatchObject({
      namespace: 'default',
      kubectlMirror: 'https://dl.k8s.io/release',
      edgeDeployment: 'cp-edge',
      edgeNodeSelector: { 'cloud-pipeline/cp-edge': 'true' },
      edgeHostPath: '/opt/edge/external-apps',
      rolloutTimeoutSeconds: 300,
      lockTimeoutSeconds: 600,
      syncHomeFolders: 'system',
      homeSyncConcurrency: 16,
      registerTools: false,
      dryRun: false,
      summary: true,
    });
    expect(read({}).api).toBeUndefined();
    expect(read({ 'tools-manifest': '/t' }).registerTools).toBe(true);
  });

  it.each([
    ['default: on, the address from the Edge Service', {}, { smokeCheck: true, smokeAddress: undefined }],
    ['true', { 'smoke-check': 'true' }, { smokeCheck: true, smokeAddress: undefined }],
    ['false turns it off', { 'smoke-check': 'false' }, { smokeCheck: false, smokeAddress: undefined }],
    ['an explicit address', { 'smoke-check': 'https://10.0.0.5:31081' }, { smokeCheck: true, smokeAddress: new URL('https://10.0.0.5:31081') }],
  ])('smoke-check %s', (_name, values, expected) => {
    const inputs = read(values);
    expect({ smokeCheck: inputs.smokeCheck, smokeAddress: inputs.smokeAddress }).toEqual(expected);
  });

  it('reads home-storage-auto and tool-cpu/tool-ram; kubeconfig may be left to $KUBECONFIG', () => {
    expect(read({}).homeAuto).toBeUndefined();
    expect(read({}).toolRegistration).toBeUndefined();
    expect(read({ 'home-storage-auto': 'false' }).homeAuto).toBe(false);
    expect(read({ 'home-storage-auto': 'TRUE' }).homeAuto).toBe(true);
    expect(read({ 'tool-cpu': '500m', 'tool-ram': '4Gi' }).toolRegistration).toEqual({ cpu: '500m', ram: '4Gi' });
    expect(read({ kubeconfig: '' }).kubeconfig).toBeUndefined();
    expect([read({ 'home-sync-concurrency': '1' }).homeSyncConcurrency, read({ 'home-sync-concurrency': '64' }).homeSyncConcurrency]).toEqual([1, 64]);
  });

  it('reads the API connection', () => {
    expect(read({ 'api-url': 'https://cp.test/pipeline/restapi/', 'api-token': 't', 'api-ca': '/ca.pem', 'api-insecure': 'true' }).api).toEqual({
      url: 'https://cp.test/pipeline/restapi',
      token: 't',
      caFile: '/ca.pem',
      insecure: true,
    });
  });

  it.each([
    [{ 'home-storage-auto': 'sometimes' }, "Input 'home-storage-auto': 'sometimes' is not true, false or empty"],
    [{ 'tool-cpu': '2' }, "Input 'tool-ram': is required when 'tool-cpu' is given"],
    [{ 'tool-cpu': 'two', 'tool-ram': '4Gi' }, "Input 'tool-cpu': 'two' is not a cpu quantity"],
    [{ distribution: '' }, "Input 'distribution': is required and was not given"],
    [{ 'edge-config': '' }, "Input 'edge-config': is required and was not given"],
    [{ namespace: 'Default_NS' }, "Input 'namespace': 'Default_NS' is not a namespace name"],
    [{ 'edge-deployment': 'cp edge' }, "Input 'edge-deployment': 'cp edge' is not a deployment name"],
    [{ 'edge-host-path': 'opt/edge' }, "Input 'edge-host-path': 'opt/edge' must be an absolute path"],
    [{ 'edge-host-path': '/opt/../etc' }, "Input 'edge-host-path': '/opt/../etc' must be an absolute path"],
    [{ 'edge-node-selector': 'cp-edge' }, "Input 'edge-node-selector': 'cp-edge' is not a label key=value"],
    [{ 'edge-node-selector': 'a=b;c' }, "Input 'edge-node-selector': 'a=b;c' is not a label key=value"],
    [{ 'rollout-timeout': 'forever' }, "Input 'rollout-timeout': 'forever' is not a duration like 30s, 5m or 1h"],
    [{ 'lock-timeout': '0s' }, "Input 'lock-timeout': '0s' is outside 1s..24h"],
    [{ 'api-url': 'ftp://cp.test' }, "Input 'api-url': must be an http:// or https:// URL, not ftp://"],
    [{ 'api-url': 'https://cp.test/pipeline/restapi' }, "Input 'api-token': is required when 'api-url' is given"],
    [{ 'api-token': 'x' }, "Input 'api-url': is required when 'api-token' is given"],
    [{ 'api-url': 'https://cp.test', 'api-token': 'x', 'api-insecure': 'yes' }, "Input 'api-insecure': 'yes' is not a boolean"],
    [{ 'smoke-check': 'edge.test' }, "Input 'smoke-check': 'edge.test' is not a URL"],
    [{ 'dry-run': 'maybe' }, "Input 'dry-run': 'maybe' is not a boolean"],
    [{ 'home-sync-concurrency': '0' }, "Input 'home-sync-concurrency': 0 is outside 1..64"],
    [{ 'home-sync-concurrency': '65' }, "Input 'home-sync-concurrency': 65 is outside 1..64"],
    [{ 'home-sync-concurrency': 'many' }, "Input 'home-sync-concurrency': 'many' is not a whole number"],
    [{ 'home-sync-concurrency': '2.5' }, "Input 'home-sync-concurrency': '2.5' is not a whole number"],
    [{ 'sync-home-folders': 'some' }, "Input 'sync-home-folders': 'some' is not one of none, system, all"],
    [{ 'installer-image': 'edge image' }, "Input 'installer-image': 'edge image' is not an image reference"],
    [{ 'home-hierarchy-template': '/no/such/file.json' }, "Input 'home-hierarchy-template': cannot read /no/such/file.json: ENOENT"],
    [{ 'system-users': 'nobody=X' }, "Input 'system-users': line 1: 'nobody' is not one of service, admin, anonymous"],
  ])('%j is refused naming the input', (values, message) => {
    expect(() => read(values)).toThrow(message);
  });

  it('parses durations and node selectors', () => {
    expect([parseDuration('t', '45'), parseDuration('t', '30s'), parseDuration('t', '5m'), parseDuration('t', '1h')]).toEqual([45, 30, 300, 3600]);
    expect(parseNodeSelector('cloud-pipeline/cp-edge=true, cloud-pipeline/region=eu')).toEqual({ 'cloud-pipeline/cp-edge': 'true', 'cloud-pipeline/region': 'eu' });
    expect(() => parseNodeSelector(' , ')).toThrow("Input 'edge-node-selector': needs at least one key=value");
  });
});
