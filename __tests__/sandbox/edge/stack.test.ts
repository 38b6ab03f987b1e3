import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@jest/globals';
import { objectAt, stringMap } from '../../../src/sandbox/kubernetes/json.js';
import { resourceOfKind } from '../../../src/sandbox/kubernetes/resources.js';
import { startSandboxStack } from '../../../src/sandbox/stack.js';
import { describeWith } from '../../helpers/services.js';
import { curl, tempDir } from './edge-helpers.js';

describeWith(['nginx', 'openssl'])('the sandbox stack on each cluster profile', () => {
  test.each([
    ['classic', 'copy'],
    ['additional-region', 'direct'],
    ['aws-native', 'copy'],
    ['current', 'copy'],
  ] as const)('%s: the Edge over the seeded Deployment\'s volumes (%s layout), its Service labels giving its address', async (profile, layout) => {
    const stack = await startSandboxStack({ stateDir: join(await tempDir(`stack-${profile}`), 'sandbox'), profile });
    try {
      expect(stack.profile).toBe(profile);
      expect(stack.edge?.layout).toBe(layout);
      expect(stack.edge?.hostPath).toBe(stack.hostPath);
      if (profile === 'aws-native') expect(stack.hostPath).toMatch(/\/pvc\/default\/cp-system-pvc\/edge\/external-apps$/);
      expect(await readdir(stack.edge!.appsDir)).toContain('other-app.conf');
      expect(stack.edgeInputs['edge-apps-dir']).toBe('/etc/nginx/external-apps');
      const service = stack.kube.api.store.get(resourceOfKind('Service'), stack.seeded.namespace, stack.seeded.service);
      const labels = stringMap(objectAt(service?.metadata).labels);
      expect(`https://${labels['cloud-pipeline/external-host']}:${labels['cloud-pipeline/external-port']}`).toBe(stack.edgeService.url);
      expect(stack.edgeService.port).toBe(stack.edge?.port);
      expect((await curl(stack.edge!, 'other-app.example.com', '/')).body).toBe('other app\n');
    } finally {
      await stack.stop();
    }
  }, 60_000);
});
