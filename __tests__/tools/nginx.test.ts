import { describe, expect, test } from '@jest/globals';
import { Nginx, parseNginxOutput, startArgs, testArgs } from '../../src/tools/nginx.js';
import type { CommandRunner } from '../../src/tools/exec.js';

describe('nginx argv', () => {
  test.each([
    [testArgs('/a/nginx.conf', '/a'), ['-t', '-c', '/a/nginx.conf', '-p', '/a/']],
    [testArgs('/a/nginx.conf', '/a/'), ['-t', '-c', '/a/nginx.conf', '-p', '/a/']],
    [startArgs('/b/nginx.conf', '/b'), ['-c', '/b/nginx.conf', '-p', '/b/']],
  ])('%j', (args, expected) => {
    expect(args).toEqual(expected);
  });
});

describe('parseNginxOutput', () => {
  test('reads both message formats, with file and line where given', () => {
    const stderr = [
      'nginx: [emerg] unknown directive "locaton" in /tmp/x/external-apps/a.conf:4',
      '2026/11/27 21:01:50 [warn] 9501#9501: conflicting server name "shared.test" on 0.0.0.0:8181, ignored',
      '2026/11/27 21:01:50 [emerg] 9506#9506: host not found in upstream "u.invalid" in /tmp/x/b.conf:5',
      'nginx: the configuration file /tmp/x/nginx.conf syntax is ok',
      'nginx: configuration file /tmp/x/nginx.conf test failed',
    ].join('\n');
    expect(parseNginxOutput(stderr)).toEqual([
      { level: 'emerg', text: 'unknown directive "locaton"', file: '/tmp/x/external-apps/a.conf', line: 4 },
      { level: 'warn', text: 'conflicting server name "shared.test" on 0.0.0.0:8181, ignored' },
      { level: 'emerg', text: 'host not found in upstream "u.invalid"', file: '/tmp/x/b.conf', line: 5 },
    ]);
  });

  test('Nginx.test runs the binary with the test argv and parses its stderr', async () => {
    const calls: Array<[string, readonly string[]]> = [];
    const runner: CommandRunner = (command, args) => {
      calls.push([command, args]);
      return Promise.resolve({ exitCode: 1, stdout: '', stderr: 'nginx: [emerg] unexpected "}" in /c/a.conf:1\n' });
    };
    const result = await new Nginx('/usr/sbin/nginx', runner).test('/c/nginx.conf', '/c');
    expect(calls).toEqual([['/usr/sbin/nginx', ['-t', '-c', '/c/nginx.conf', '-p', '/c/']]]);
    expect(result).toEqual({ exitCode: 1, messages: [{ level: 'emerg', text: 'unexpected "}"', file: '/c/a.conf', line: 1 }] });
  });
});
