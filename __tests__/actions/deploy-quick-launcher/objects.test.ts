import { describe, expect, it } from '@jest/globals';
import { installerJob, leaseObject, objectNames, payloadObjects, type JobOptions } from '../../../src/actions/deploy-quick-launcher/objects.js';
import { packPayload } from '../../../src/actions/deploy-quick-launcher/payload.js';

const payload = packPayload(
  [
    { path: 'a.conf', content: Buffer.from('server {}'), secret: false, input: 't' },
    { path: 'quick-launcher/settings.json', content: Buffer.from('{"token":"secret-token"}'), secret: true, input: 't' },
  ],
  { hostPath: '/opt/edge/external-apps', installer: 'x' },
);
const short = payload.digest.slice(7, 19);
const jobOptions: Omit<JobOptions, 'mode'> = {
  namespace: 'cp',
  prefix: 'quick-launcher',
  image: 'edge:1',
  nodeSelector: { 'cloud-pipeline/cp-edge': 'true' },
  apps: { kind: 'hostPath', path: '/opt/edge/external-apps' },
  pki: { kind: 'hostPath', path: '/opt/edge/pki' },
  keepBackups: 3,
  tolerations: [{ key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }],
  activeDeadlineSeconds: 300,
};

interface JobShape {
  spec: {
    backoffLimit: number;
    template: {
      spec: {
        nodeSelector: unknown;
        tolerations: unknown;
        containers: Array<{ command: string[]; env: Array<{ name: string; value: string }>; volumeMounts: unknown[] }>;
        volumes: unknown[];
      };
    };
  };
}

describe('Kubernetes objects of a rollout', () => {
  it('names everything after the content digest', () => {
    const names = objectNames('quick-launcher', payload.digest);
    expect(names.index).toBe(`quick-launcher-${short}-index`);
    expect(names.job('install')).toBe(`quick-launcher-install-${short}`);
  });

  it('puts the index and script in a ConfigMap and the secret file only in a Secret', () => {
    const objects = payloadObjects(payload, { namespace: 'cp', prefix: 'quick-launcher', script: '#!/bin/sh\n' });
    expect(objects.map((object) => `${object.kind}/${object.metadata.name}`)).toEqual([
      `ConfigMap/quick-launcher-${short}-index`,
      `ConfigMap/quick-launcher-${short}-cm-0`,
      `Secret/quick-launcher-${short}-secret-0`,
    ]);
    const configMaps = JSON.stringify(objects.filter((object) => object.kind === 'ConfigMap'));
    expect(configMaps).not.toContain('secret-token');
    expect(configMaps).not.toContain(Buffer.from('{"token":"secret-token"}').toString('base64'));
    expect(objects[2]).toMatchObject({ type: 'Opaque', data: { 'f00001.c0000': Buffer.from('{"token":"secret-token"}').toString('base64') } });
    expect(objects.every((object) => object.metadata.labels?.['app.kubernetes.io/managed-by'] === 'quick-launcher-actions')).toBe(true);
  });

  it('pins the install Job to the Edge node with the host folder read-write and the payload read-only', () => {
    const job = installerJob(payload, { ...jobOptions, mode: 'install' }) as unknown as JobShape;
    const pod = job.spec.template.spec;
    expect(job.spec.backoffLimit).toBe(0);
    expect(pod.nodeSelector).toEqual({ 'cloud-pipeline/cp-edge': 'true' });
    expect(pod.tolerations).toEqual(jobOptions.tolerations);
    expect(pod.containers[0].command).toEqual(['sh', '/quick-launcher/index/install.sh', 'install']);
    expect(pod.containers[0].volumeMounts).toEqual([
      { name: 'host', mountPath: '/quick-launcher/host' },
      { name: 'index', mountPath: '/quick-launcher/index', readOnly: true },
      { name: 'cm-0', mountPath: '/quick-launcher/payload/cm-0', readOnly: true },
      { name: 'secret-0', mountPath: '/quick-launcher/payload/secret-0', readOnly: true },
      { name: 'certs', mountPath: '/etc/edge/pki', readOnly: true },
    ]);
    expect(pod.volumes).toContainEqual({ name: 'host', hostPath: { path: '/opt/edge/external-apps', type: 'DirectoryOrCreate' } });
    expect(pod.volumes).toContainEqual({ name: 'certs', hostPath: { path: '/opt/edge/pki' } });
    expect(pod.volumes).toContainEqual({ name: 'secret-0', secret: { secretName: `quick-launcher-${short}-secret-0` } });
    expect(Object.fromEntries(pod.containers[0].env.map((item) => [item.name, item.value]))).toEqual({
      QL_HOST: '/quick-launcher/host',
      QL_INDEX: '/quick-launcher/index/index',
      QL_PAYLOAD_DIRS: '/quick-launcher/payload/cm-0 /quick-launcher/payload/secret-0',
      QL_DIGEST: payload.digest,
      QL_KEEP: '3',
      QL_PKI: '/etc/edge/pki',
      QL_KEEP_ROUTES: '0',
    });
  });

  it('runs on the node of the running Edge pod when one is known (no node selector then)', () => {
    const pod = (installerJob(payload, { ...jobOptions, nodeName: 'edge-node-7', keepRoutes: true, mode: 'install' }) as unknown as JobShape).spec.template.spec as JobShape['spec']['template']['spec'] & { nodeName?: string };
    expect(pod.nodeName).toBe('edge-node-7');
    expect(pod.nodeSelector).toBeUndefined();
    expect(pod.containers[0].env).toContainEqual({ name: 'QL_KEEP_ROUTES', value: '1' });
  });

  it('mounts the Edge PVC with the same subPaths (AWS-native: cp-system-pvc)', () => {
    const pvc = (path: string): JobOptions['apps'] => ({ kind: 'pvc', claimName: 'cp-system-pvc', subPath: path });
    const pod = (installerJob(payload, { ...jobOptions, apps: pvc('edge/external-apps'), pki: pvc('edge/pki'), mode: 'install' }) as unknown as JobShape).spec.template.spec;
    expect(pod.volumes).toContainEqual({ name: 'host', persistentVolumeClaim: { claimName: 'cp-system-pvc' } });
    expect(pod.volumes).toContainEqual({ name: 'certs', persistentVolumeClaim: { claimName: 'cp-system-pvc', readOnly: true } });
    expect(pod.containers[0].volumeMounts).toContainEqual({ name: 'host', mountPath: '/quick-launcher/host', subPath: 'edge/external-apps' });
    expect(pod.containers[0].volumeMounts).toContainEqual({ name: 'certs', mountPath: '/etc/edge/pki', subPath: 'edge/pki', readOnly: true });
  });

  it('the restore Job mounts no payload', () => {
    const job = JSON.stringify(installerJob(payload, { ...jobOptions, mode: 'restore' }));
    expect(job).toContain(`"name":"quick-launcher-restore-${short}"`);
    expect(job).not.toContain('secret-0');
  });

  it('a Lease carries holder and micro-second times', () => {
    const lease = leaseObject({ name: 'l', namespace: 'cp', holder: 'run-1', durationSeconds: 30, now: new Date('2026-11-27T21:00:00.123Z'), resourceVersion: '7' });
    expect(lease).toMatchObject({
      metadata: { name: 'l', namespace: 'cp', resourceVersion: '7' },
      spec: { holderIdentity: 'run-1', leaseDurationSeconds: 30, renewTime: '2026-11-27T21:00:00.123000Z', acquireTime: '2026-11-27T21:00:00.123000Z' },
    });
  });
});
