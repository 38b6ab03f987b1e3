import { describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Docker } from '../../src/tools/docker.js';
import { type CommandRunner, execRunner } from '../../src/tools/exec.js';
import { BuildFailedError, buildFailure, lineSplitter, meaningfulTail } from '../../src/tools/image-builder.js';
import { describeWith } from '../helpers/services.js';

// What BuildKit (docker buildx, plain progress) prints for a failing RUN.
const BUILDKIT_RUN = `#5 [2/3] COPY app.txt /app.txt
#5 DONE 0.1s

#6 [3/3] RUN make -C /src
#6 0.215 make: *** No rule to make target 'all'.  Stop.
#6 ERROR: process "/bin/sh -c make -C /src" did not complete successfully: exit code: 2
------
 > [3/3] RUN make -C /src:
0.215 make: *** No rule to make target 'all'.  Stop.
------
Dockerfile:12
--------------------
  10 |     COPY app.txt /app.txt
  11 |     # build it
  12 | >>> RUN make -C /src
  13 |
--------------------
ERROR: failed to solve: process "/bin/sh -c make -C /src" did not complete successfully: exit code: 2`;

// A COPY of a file the context lacks, as buildx 0.20+ words it, in a named stage.
const BUILDKIT_COPY = `#7 [build 2/4] COPY missing.txt /x
#7 ERROR: failed to calculate checksum of ref 1f0c::x2: "/missing.txt": not found
------
 > [build 2/4] COPY missing.txt /x:
------
Dockerfile.conda3:4
--------------------
   3 |     FROM base AS build
   4 | >>> COPY missing.txt /x
--------------------
ERROR: failed to build: failed to solve: failed to compute cache key: failed to calculate checksum of ref 1f0c::x2: "/missing.txt": not found`;

describe('buildFailure', () => {
  it.each([
    [
      'a RUN that exits non-zero',
      BUILDKIT_RUN,
      '/tools/a/Dockerfile',
      'docker build failed at Dockerfile:12 (step 3/3: RUN make -C /src): process "/bin/sh -c make -C /src" did not complete successfully: exit code: 2',
      { file: '/tools/a/Dockerfile', line: 12 },
    ],
    [
      'a missing file (failed to compute cache key)',
      BUILDKIT_COPY,
      '/tools/a/Dockerfile.conda3',
      'docker build failed at Dockerfile.conda3:4 (step 2/4: COPY missing.txt /x): failed to compute cache key: failed to calculate checksum of ref 1f0c::x2: "/missing.txt": not found',
      { file: '/tools/a/Dockerfile.conda3', line: 4 },
    ],
    [
      'an older BuildKit (rpc error)',
      ' > [2/2] RUN false:\nfailed to solve: rpc error: code = Unknown desc = executor failed running [/bin/sh -c false]: exit code: 1'.replace('failed to solve', 'error: failed to solve'),
      '/tools/a/Dockerfile',
      'docker build failed at step 2/2: RUN false: executor failed running [/bin/sh -c false]: exit code: 1',
      undefined,
    ],
    [
      'the legacy builder',
      "Step 1/2 : FROM x\n ---> abc\nStep 2/2 : RUN false\n ---> Running in 1\nThe command '/bin/sh -c false' returned a non-zero code: 1",
      '/tools/a/Dockerfile',
      'docker build failed at step 2/2: RUN false',
      undefined,
    ],
  ])('%s', (_name, output, dockerfile, firstLine, location) => {
    const error = buildFailure('docker', output, dockerfile);
    expect(error.message.split('\n')[0]).toBe(`${firstLine}:`);
    expect(error.location).toEqual(location);
  });

  it('keeps the meaningful last lines: no progress, housekeeping or the legacy builder notice', () => {
    const output = `Step 2/2 : RUN false\n ---> Running in 1\nRemoving intermediate container 1\nDEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n            Install the buildx component to build images with BuildKit:\n            https://docs.docker.com/go/buildx/\n\nreal reason`;
    expect(meaningfulTail(output, 15)).toBe('Step 2/2 : RUN false\nreal reason');
    expect(meaningfulTail(BUILDKIT_RUN, 3)).toBe('  12 | >>> RUN make -C /src\n  13 |\nERROR: failed to solve: process "/bin/sh -c make -C /src" did not complete successfully: exit code: 2');
  });
});

describe('lineSplitter', () => {
  it('gives whole lines across chunks, the last one at the end', () => {
    const lines: string[] = [];
    const splitter = lineSplitter((line) => lines.push(line));
    for (const chunk of ['Step 1/2 : FR', 'OM x\r\nStep 2', '/2 : RUN true\n', 'done']) splitter.write(chunk);
    expect(lines).toEqual(['Step 1/2 : FROM x', 'Step 2/2 : RUN true']);
    splitter.end();
    expect(lines).toEqual(['Step 1/2 : FROM x', 'Step 2/2 : RUN true', 'done']);
  });

  it('streams a build through the runner while the whole log still comes back', async () => {
    const runner: CommandRunner = (_command, _args, options) => {
      options?.onOutput?.('Step 1/1 : FROM x\n');
      options?.onOutput?.(' ---> abc\n');
      return Promise.resolve({ exitCode: 0, stdout: 'Step 1/1 : FROM x\n ---> abc\n', stderr: '' });
    };
    const lines: string[] = [];
    const log = await new Docker(runner).build({ context: '/c', dockerfile: '/c/Dockerfile', tags: ['t'], buildArgs: new Map() }, { insecure: false }, (line) => lines.push(line));
    expect(lines).toEqual(['Step 1/1 : FROM x', ' ---> abc']);
    expect(log).toContain('Step 1/1 : FROM x');
  });
});

describeWith(['docker'])('a failing build on the real docker engine', () => {
  it('streams every line as it comes, and the error names the tool, the step and the reason', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'qla-docker-fail-'));
    try {
      await writeFile(join(dir, 'Dockerfile'), 'FROM scratch\nCOPY Dockerfile /d\nRUN echo never\n');
      const streamed: string[] = [];
      const error = await new Docker(execRunner)
        .build({ context: dir, dockerfile: join(dir, 'Dockerfile'), tags: ['qla-test/failing-run:1'], buildArgs: new Map() }, { insecure: false }, (line) => streamed.push(line))
        .catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(BuildFailedError);
      const message = (error as Error).message;
      expect(message.split('\n')[0]).toBe('docker build failed at step 3/3: RUN echo never:');
      expect(message).toMatch(/\/bin\/sh.*no such file or directory/);
      expect(message).not.toMatch(/ ---> |legacy builder/);
      expect(streamed).toEqual(expect.arrayContaining(['Step 1/3 : FROM scratch', 'Step 2/3 : COPY Dockerfile /d', 'Step 3/3 : RUN echo never']));
      expect(streamed.join('\n')).toMatch(/\/bin\/sh.*no such file or directory/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
