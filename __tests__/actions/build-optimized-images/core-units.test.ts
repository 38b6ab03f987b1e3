import { describe, expect, it } from '@jest/globals';
import { readDockerfile, substituteArgs } from '../../../src/actions/build-optimized-images/dockerfile.js';
import { expandVariables, variablesFrom } from '../../../src/actions/build-optimized-images/expand.js';
import { parseDefaultImages, parseRegistry, getInputs } from '../../../src/actions/build-optimized-images/inputs.js';
import { parseReference } from '../../../src/actions/build-optimized-images/reference.js';
import { endpointsOf, parseToolSpec } from '../../../src/actions/build-optimized-images/spec.js';
import { runOrdered } from '../../../src/actions/build-optimized-images/build-variants.js';
import { InputReader, inputsFrom } from '../../../src/lib/inputs.js';

const vars = variablesFrom(new Map([['HOST', 'apps.example'], ['EMPTY', '']]), { FROM_ENV: 'env-value' });

describe('expandVariables', () => {
  it.each([
    ['${HOST}', 'apps.example'],
    ['a ${FROM_ENV} b', 'a env-value b'],
    ['${CP_DOLLAR}host', '$host'],
    ['$HOST stays', '$HOST stays'],
    ['[${EMPTY}]', '[]'],
  ])('%s -> %s', (text, expected) => {
    expect(expandVariables(text, vars, 'f')).toBe(expected);
  });

  it('names an unset variable with file, line and column', () => {
    expect(() => expandVariables('{\n  "a": "${NOPE}"\n}', vars, 'tools/x/spec.json')).toThrow(
      'tools/x/spec.json:2:9: variable NOPE is not set',
    );
  });

  it('refuses a malformed reference', () => {
    expect(() => expandVariables('x ${1BAD} y', vars, 'f')).toThrow("f:1:3: malformed variable reference '${1BAD}'");
    expect(() => expandVariables('x ${OPEN', vars, 'f')).toThrow('malformed variable reference');
  });
});

describe('parseToolSpec', () => {
  const endpoint = (value: object): string => JSON.stringify(JSON.stringify(value));
  const spec = (endpoints: string): string => `{\n "short_description": "x",\n "endpoints": [${endpoints}],\n "metadata": {"app_type": "\${HOST}"}\n}`;

  it('expands, validates and keeps endpoints as JSON strings', async () => {
    const parsed = await parseToolSpec(spec(endpoint({ name: 'a', nginx: { port: '8888' }, isDefault: true })), 'spec.json', vars);
    expect(parsed.metadata).toEqual({ app_type: 'apps.example' });
    expect(endpointsOf(parsed)).toEqual([{ name: 'a', nginx: { port: '8888' }, isDefault: true }]);
  });

  it.each([
    ['an endpoint object instead of a JSON string', spec('{"name":"a","nginx":{"port":1}}'), 'spec.json:3: not a valid tool spec: endpoints.0: must be string'],
    ['an endpoint without a port', spec(endpoint({ name: 'a', nginx: {} })), "spec.json:3: endpoints[0]: endpoint.nginx: must have required property 'port'"],
    ['an endpoint string that is not JSON', spec('"{name: a}"'), 'spec.json:3: endpoints[0] is not a JSON-encoded endpoint'],
    ['a port out of range', spec(endpoint({ name: 'a', nginx: { port: 70000 } })), 'endpoints[0]: endpoint.nginx.port'],
    ['a missing short_description', '{"endpoints": []}', "(top level): must have required property 'short_description'"],
    ['a non-string metadata value', '{"short_description":"x","endpoints":[],\n"metadata":{"n":1}}', 'spec.json:2: not a valid tool spec: metadata.n: must be string'],
    ['a bad disk_size', '{"short_description":"x","endpoints":[],"disk_size":"big"}', 'disk_size'],
  ])('refuses %s', async (_name, text, message) => {
    await expect(parseToolSpec(text, 'spec.json', vars)).rejects.toThrow(message);
  });
});

describe('parseReference', () => {
  it.each([
    ['busybox', { path: 'busybox' }],
    ['optimized/base:1.0', { path: 'optimized/base', tag: '1.0' }],
    ['127.0.0.1:15000/ns/optimized/base:c-abc', { host: '127.0.0.1:15000', path: 'ns/optimized/base', tag: 'c-abc' }],
    ['localhost/x@sha256:' + 'a'.repeat(64), { host: 'localhost', path: 'x', digest: 'sha256:' + 'a'.repeat(64) }],
  ])('%s', (text, expected) => {
    expect(parseReference(text)).toEqual({ host: undefined, tag: undefined, digest: undefined, ...expected });
  });

  it.each(['Upper/Case', 'a//b', 'x:bad tag', ':tag', 'x@sha256:short', ''])('refuses %j', (text) => {
    expect(parseReference(text)).toBeUndefined();
  });
});

describe('readDockerfile', () => {
  it('reads global ARGs, FROMs with lines and stage names', () => {
    const facts = readDockerfile('# c\nARG BASE_IMAGE=optimized/base\nARG X\nFROM --platform=linux/amd64 ${BASE_IMAGE} AS build\nRUN a \\\n  b\nFROM build\nARG LATE=1\n');
    expect(facts.globalArgs).toEqual(new Map([['BASE_IMAGE', 'optimized/base'], ['X', undefined]]));
    expect(facts.froms).toEqual([{ image: '${BASE_IMAGE}', line: 4 }, { image: 'build', line: 7 }]);
    expect([...facts.stages]).toEqual(['build']);
  });

  it.each([
    ['${A}', 'a'],
    ['$A:1', 'a:1'],
    ['${UNSET:-fallback}', 'fallback'],
    ['${A:+set}', 'set'],
    ['${UNSET}x', 'x'],
  ])('substitutes %s', (text, expected) => {
    expect(substituteArgs(text, new Map([['A', 'a']]))).toBe(expected);
  });
});

describe('inputs', () => {
  const read = (values: Record<string, string>) => getInputs(new InputReader(inputsFrom(values)), {});

  it('has the documented defaults', () => {
    const inputs = read({ registry: 'registry.example.com/library' });
    expect(inputs).toMatchObject({ toolsDir: 'deploy/docker/cp-tools/optimized', version: 'latest', push: true, maxParallel: 2, build: true, fallback: true, failOnFallback: false, registryInsecure: false });
    expect(inputs.builder).toBeUndefined();
  });

  it.each([
    ['127.0.0.1:15000/ns', { registry: '127.0.0.1:15000/ns', insecure: true }],
    ['localhost:5000', { registry: 'localhost:5000', insecure: true }],
    ['http://registry.lan:5000/', { registry: 'registry.lan:5000', insecure: true }],
    ['https://registry.example.com/team/tools', { registry: 'registry.example.com/team/tools', insecure: false }],
  ])('registry %s', (value, expected) => {
    expect(parseRegistry(value)).toEqual(expected);
  });

  it('reads default-images lines', () => {
    expect(parseDefaultImages('# c\noptimized/jupyter=library/jupyter:latest\noptimized/rstudio:4.0: library/rstudio:4.0\n')).toEqual(
      new Map([['optimized/jupyter', 'library/jupyter:latest'], ['optimized/rstudio:4.0', 'library/rstudio:4.0']]),
    );
  });
});

describe('runOrdered', () => {
  it('runs parents first and never more than the limit at once', async () => {
    const started: string[] = [];
    let running = 0;
    let peak = 0;
    const items = [
      { name: 'child', parents: ['base'] },
      { name: 'a', parents: [] },
      { name: 'base', parents: [] },
      { name: 'b', parents: [] },
    ];
    await runOrdered(items, (item) => item.name, (item) => item.parents, 2, async (item) => {
      started.push(item.name);
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setImmediate(resolve));
      running--;
    });
    expect(peak).toBe(2);
    expect(started.indexOf('child')).toBeGreaterThan(started.indexOf('base'));
    expect(started.sort()).toEqual(['a', 'b', 'base', 'child']);
  });

  it('stops starting work after a failure and reports it', async () => {
    const started: string[] = [];
    const items = [{ name: 'bad', parents: [] as string[] }, { name: 'child', parents: ['bad'] }];
    await expect(
      runOrdered(items, (item) => item.name, (item) => item.parents, 1, (item) => {
        started.push(item.name);
        return item.name === 'bad' ? Promise.reject(new Error('boom')) : Promise.resolve();
      }),
    ).rejects.toThrow('boom');
    expect(started).toEqual(['bad']);
  });
});
