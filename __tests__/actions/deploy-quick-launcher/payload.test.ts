import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { ConfigurationError, InputError } from '../../../src/lib/errors.js';
import { sha256 } from '../../../src/lib/digest.js';
import { DEFAULT_PAYLOAD_LIMITS, packPayload, shortDigest, type PayloadFile } from '../../../src/actions/deploy-quick-launcher/payload.js';

const target = { hostPath: '/opt/edge/external-apps', installer: 'abc' };

function file(path: string, content: string | Buffer, secret = false): PayloadFile {
  return { path, content: Buffer.isBuffer(content) ? content : Buffer.from(content), secret, input: 'distribution' };
}

describe('packPayload', () => {
  it('puts secret files into Secrets and the rest into ConfigMaps, with an index and digest', () => {
    const payload = packPayload([file('b.conf', 'server {}'), file('quick-launcher/settings.json', '{"token":"t"}', true)], target);
    expect(payload.objects.map((object) => [object.id, object.secret, Object.keys(object.data)])).toEqual([
      ['cm-0', false, ['f00000.c0000']],
      ['secret-0', true, ['f00001.c0000']],
    ]);
    expect(payload.index.files.map((entry) => [entry.path, entry.sha256, entry.chunks.map((chunk) => chunk.object)])).toEqual([
      ['b.conf', sha256('server {}'), ['cm-0']],
      ['quick-launcher/settings.json', sha256('{"token":"t"}'), ['secret-0']],
    ]);
    expect(payload.installerIndex.split('\n').slice(1)).toEqual([
      `file ${sha256('server {}')} b.conf`,
      `chunk ${sha256('server {}')} cm-0/f00000.c0000`,
      `file ${sha256('{"token":"t"}')} quick-launcher/settings.json`,
      `chunk ${sha256('{"token":"t"}')} secret-0/f00001.c0000`,
      '',
    ]);
    expect(payload.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(payload.installerIndex).not.toContain('"token"');
  });

  it('gives the same digest for the same files in any order, another for any change', () => {
    const a = packPayload([file('a.conf', 'a'), file('b.conf', 'b')], target).digest;
    expect(packPayload([file('b.conf', 'b'), file('a.conf', 'a')], target).digest).toBe(a);
    expect(packPayload([file('a.conf', 'a'), file('b.conf', 'B')], target).digest).not.toBe(a);
    expect(packPayload([file('a.conf', 'a'), file('b.conf', 'b')], { ...target, hostPath: '/other' }).digest).not.toBe(a);
    expect(packPayload([file('a.conf', 'a'), file('b.conf', 'b')], { ...target, installer: 'new' }).digest).not.toBe(a);
    expect(shortDigest(a)).toMatch(/^[0-9a-f]{12}$/);
  });

  it('chunks large files and keeps every object under its limit', () => {
    const big = randomBytes(3 * 1024 * 1024 + 17);
    const payload = packPayload([file('quick-launcher/www/big.js', big), file('a.conf', 'x')], target);
    for (const object of payload.objects) {
      const encoded = Object.entries(object.data).reduce((sum, [key, bytes]) => sum + key.length + bytes.toString('base64').length, 0);
      expect(encoded).toBeLessThanOrEqual(DEFAULT_PAYLOAD_LIMITS.objectBytes);
      expect(encoded).toBe(object.encodedBytes);
    }
    const entry = payload.index.files.find((item) => item.path === 'quick-launcher/www/big.js');
    expect(entry?.chunks).toHaveLength(7);
    const reassembled = Buffer.concat(
      (entry?.chunks ?? []).map((chunk) => payload.objects.find((object) => object.id === chunk.object)?.data[chunk.key] ?? Buffer.alloc(0)),
    );
    expect(reassembled.equals(big)).toBe(true);
    expect(entry?.chunks.every((chunk) => chunk.sha256 === sha256(payload.objects.find((object) => object.id === chunk.object)?.data[chunk.key] ?? ''))).toBe(true);
  });

  it('an empty file has no chunks', () => {
    expect(packPayload([file('empty.txt', '')], target).index.files[0].chunks).toEqual([]);
  });

  it('a file over the limit is an error naming it and its input', () => {
    const limits = { ...DEFAULT_PAYLOAD_LIMITS, fileBytes: 1024 };
    expect(() => packPayload([file('quick-launcher/www/huge.js', Buffer.alloc(2048))], target, limits)).toThrow(
      new InputError('distribution', "'quick-launcher/www/huge.js' is 2.0 KiB, over the 1.0 KiB limit of one file"),
    );
  });

  it('a payload over the total limit is a clear error', () => {
    const limits = { ...DEFAULT_PAYLOAD_LIMITS, totalBytes: 3000 };
    expect(() => packPayload([file('a.js', Buffer.alloc(2000)), file('b.js', Buffer.alloc(2000))], target, limits)).toThrow(ConfigurationError);
    expect(() => packPayload([file('a.js', Buffer.alloc(2000)), file('b.js', Buffer.alloc(2000))], target, limits)).toThrow('the payload is 3.9 KiB in 2 files, over the 2.9 KiB limit');
  });

  it.each(['../x.conf', '/abs.conf', 'a b.conf', 'a/./b', '.quick-launcher/manifest', "it's.conf", 'a\nb'])('refuses the path %j', (path) => {
    expect(() => packPayload([file(path, 'x')], target)).toThrow(InputError);
  });

  it('refuses the same path twice', () => {
    expect(() => packPayload([file('a.conf', 'x'), file('a.conf', 'y')], target)).toThrow("'a.conf' is given twice");
  });
});
