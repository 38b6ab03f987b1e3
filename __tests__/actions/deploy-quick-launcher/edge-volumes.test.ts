import { describe, expect, it } from '@jest/globals';
import { describeSource, findEdgeVolumes } from '../../../src/actions/deploy-quick-launcher/edge-volumes.js';
import { InputError } from '../../../src/lib/errors.js';

const HOST = '/opt/edge/external-apps';

// The three upstream Edge files, reduced to the mounts and volumes that matter here.
const classic = {
  container: {
    volumeMounts: [
      { mountPath: '/opt/edge/pki', name: 'edge-pki', readOnly: true },
      { mountPath: '/etc/nginx/ext/external-apps', name: 'edge-external-apps', readOnly: true },
    ],
  },
  volumes: [
    { name: 'edge-pki', hostPath: { path: '/opt/edge/pki' } },
    { name: 'edge-external-apps', hostPath: { path: '/opt/edge/external-apps' } },
  ],
};
const additionalRegion = {
  container: { volumeMounts: [{ mountPath: '/opt/edge/pki', name: 'edge-pki', readOnly: true }, { mountPath: '/etc/nginx/external-apps', name: 'edge-external-apps' }] },
  volumes: classic.volumes,
};
const awsNative = {
  container: {
    volumeMounts: [
      { mountPath: '/opt/edge/pki', subPath: 'edge/pki', name: 'cp-system', readOnly: true },
      { mountPath: '/etc/nginx/ext/external-apps', subPath: 'edge/external-apps', name: 'cp-system', readOnly: true },
    ],
  },
  volumes: [{ name: 'cp-system', persistentVolumeClaim: { claimName: 'cp-system-pvc' } }],
};

describe('findEdgeVolumes (pure)', () => {
  it.each([
    ['classic: host path, copied by init', classic, { layout: 'copy', mountPath: '/etc/nginx/ext/external-apps', apps: { kind: 'hostPath', path: HOST }, pki: { kind: 'hostPath', path: '/opt/edge/pki' } }],
    ['additional region: the host path is the live folder', additionalRegion, { layout: 'direct', mountPath: '/etc/nginx/external-apps', apps: { kind: 'hostPath', path: HOST } }],
    [
      'AWS-native: the claim with its subPaths',
      awsNative,
      { layout: 'copy', apps: { kind: 'pvc', claimName: 'cp-system-pvc', subPath: 'edge/external-apps' }, pki: { kind: 'pvc', claimName: 'cp-system-pvc', subPath: 'edge/pki' } },
    ],
  ])('%s', (_name, edge, expected) => {
    const found = findEdgeVolumes(edge.container, edge.volumes, HOST);
    expect(found).toMatchObject(expected);
    expect(found.warning).toBeUndefined();
  });

  it('a subPath on a host path volume is part of the folder; a trailing slash is not', () => {
    const found = findEdgeVolumes({ volumeMounts: [{ mountPath: '/etc/nginx/ext/external-apps/', name: 'opt', subPath: 'edge/external-apps' }] }, [{ name: 'opt', hostPath: { path: '/opt/' } }], HOST);
    expect(found.apps).toEqual({ kind: 'hostPath', path: HOST });
  });

  it('the live Deployment wins over edge-host-path, with a warning', () => {
    const found = findEdgeVolumes(classic.container, [classic.volumes[0], { name: 'edge-external-apps', hostPath: { path: '/data/edge/apps' } }], HOST);
    expect(found.apps).toEqual({ kind: 'hostPath', path: '/data/edge/apps' });
    expect(found.warning).toBe("'edge-host-path' is /opt/edge/external-apps, but the Edge mounts hostPath /data/edge/apps at /etc/nginx/ext/external-apps: the deploy installs into /data/edge/apps, where the Edge reads");
  });

  it.each([
    ['no mount at either folder', { volumeMounts: [{ mountPath: '/var/log', name: 'logs' }] }, [{ name: 'logs', hostPath: { path: '/opt/edge/logs' } }], 'the Edge container mounts nothing at /etc/nginx/ext/external-apps or /etc/nginx/external-apps (its mounts: /var/log)'],
    [
      'a volume the installer cannot share',
      { volumeMounts: [{ mountPath: '/etc/nginx/ext/external-apps', name: 'apps' }] },
      [{ name: 'apps' }],
      "the Edge mounts volume 'apps' at /etc/nginx/ext/external-apps, but it is neither a hostPath nor a persistentVolumeClaim",
    ],
  ])('%s is an InputError naming edge-host-path', (_name, container, volumes, message) => {
    const attempt = (): unknown => findEdgeVolumes(container, volumes, HOST);
    expect(attempt).toThrow(InputError);
    expect(attempt).toThrow(`Input 'edge-host-path': ${message}`);
  });

  it('describes a source for the log', () => {
    expect(describeSource({ kind: 'hostPath', path: HOST })).toBe('hostPath /opt/edge/external-apps');
    expect(describeSource({ kind: 'pvc', claimName: 'cp-system-pvc', subPath: 'edge/external-apps' })).toBe('PVC cp-system-pvc subPath edge/external-apps');
  });
});
