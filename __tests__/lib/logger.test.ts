import { afterEach, describe, expect, jest, test } from '@jest/globals';
import { MemoryLogger, actionsLogger } from '../../src/lib/logger.js';

afterEach(() => {
  jest.restoreAllMocks();
});

/** What the runner's log receives (workflow commands on stdout) while `fn` runs. */
async function stdoutOf(fn: () => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split(/\r?\n/).filter((line) => line !== ''));
    return true;
  });
  await fn();
  return lines;
}

describe('log groups are one level deep', () => {
  test('on the runner, a group opened inside a group is a line, and the next group opens again', async () => {
    const lines = await stdoutOf(async () => {
      await actionsLogger.group('stage render', async () => {
        await actionsLogger.group('nginx -t on the rendered configuration', () => Promise.resolve(actionsLogger.info('syntax is ok')));
        actionsLogger.info('wrote 3 files');
      });
      await actionsLogger.group('stage deploy', () => Promise.resolve(actionsLogger.info('rolled out')));
    });
    expect(lines).toEqual([
      '::group::stage render',
      '▸ nginx -t on the rendered configuration',
      'syntax is ok',
      'wrote 3 files',
      '::endgroup::',
      '::group::stage deploy',
      'rolled out',
      '::endgroup::',
    ]);
  });

  test('a failing group closes, so the next one is a real group', async () => {
    const lines = await stdoutOf(async () => {
      await expect(actionsLogger.group('first', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
      await actionsLogger.group('second', () => Promise.resolve());
    });
    expect(lines).toEqual(['::group::first', '::endgroup::', '::group::second', '::endgroup::']);
  });

  test('the MemoryLogger keeps the same rule', async () => {
    const logger = new MemoryLogger();
    await logger.group('outer', () => logger.group('inner', () => Promise.resolve(logger.info('x'))));
    expect(logger.lines).toEqual(['group: outer', '▸ inner', 'x']);
  });
});
