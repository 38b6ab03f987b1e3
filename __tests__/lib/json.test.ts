import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FileError } from '../../src/lib/errors.js';
import { JsonSyntaxError, jsonErrorOffset, loadSchema, parseJson, positionOf } from '../../src/lib/json.js';

describe('parseJson', () => {
  it.each([
    ['{"a":}', 5],
    ['{\n "a": 1,\n}', 11],
    ['{"a" 1}', 5],
    ['[1,2', 4],
    ['"\\q"', 2],
    ['{"a":1} x', 8],
    ['{"a":[1,{"b":"x"}]}', -1],
  ])('%j fails at offset %d', (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it('gives file, line and column', () => {
    expect(() => parseJson('{\n  "a": 1,\n  "b": }\n', 'spec.json')).toThrow(/^spec\.json:3:8: malformed JSON: unexpected '\}'/);
  });

  it('is a FileError whose location and detail a caller can reword', () => {
    let caught: unknown;
    try {
      parseJson('[1,\n', 'list.json');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(JsonSyntaxError);
    expect(caught).toBeInstanceOf(FileError);
    expect((caught as JsonSyntaxError).location).toEqual({ file: 'list.json', line: 2, column: 1 });
    expect((caught as JsonSyntaxError).detail).toMatch(/^unexpected end of file \(/);
  });

  it('returns the value of valid JSON', () => {
    expect(parseJson('{"a": [1, "x"]}', 'f')).toEqual({ a: [1, 'x'] });
  });

  it('counts lines and columns from 1', () => {
    expect(positionOf('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(positionOf('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});

describe('loadSchema', () => {
  let dir: string;
  let url: URL;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'qla-schema-'));
    const schema = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: 'https://example.test/schemas/thing.schema.json',
      type: 'object',
      required: ['name'],
      additionalProperties: false,
      properties: { name: { type: 'string' }, parts: { type: 'array', items: { $ref: '#/definitions/part' } }, tags: { type: 'object', propertyNames: { pattern: '^[a-z]+$' } } },
      definitions: { part: { type: 'object', required: ['size'], properties: { size: { type: 'integer' } } } },
    };
    url = pathToFileURL(join(dir, 'renamed-by-the-bundler.json'));
    await writeFile(url, JSON.stringify(schema));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is named by its $id, not by the file it was read from', async () => {
    expect((await loadSchema(url)).name).toBe('schemas/thing.schema.json');
  });

  it('compiles once per file', async () => {
    expect(await loadSchema(url)).toBe(await loadSchema(url));
  });

  it.each([
    ['a valid value', { name: 'x', parts: [{ size: 1 }] }, undefined],
    ['a missing property', {}, { pointer: '', path: '(top level)', message: "must have required property 'name'" }],
    ['an unknown property, named', { name: 'x', extra: 1 }, { pointer: '', path: '(top level)', message: "must NOT have additional properties 'extra'" }],
    ['a nested value', { name: 'x', parts: [{ size: 1 }, { size: 'big' }] }, { pointer: '/parts/1/size', path: 'parts.1.size', message: 'must be integer' }],
    ['a key the propertyNames refuse', { name: 'x', tags: { ok: 1, 'Not-OK': 2 } }, { pointer: '/tags', path: 'tags', propertyName: 'Not-OK' }],
  ])('finds the first problem: %s', async (_name, value, problem) => {
    const found = (await loadSchema(url)).check(value);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toMatchObject(problem);
  });

  it('checks against one of its definitions', async () => {
    const schema = await loadSchema(url);
    expect(schema.check({ size: 2 }, '#/definitions/part')).toBeUndefined();
    expect(schema.check({}, '#/definitions/part')).toMatchObject({ path: '(top level)', message: "must have required property 'size'" });
    expect(() => schema.check({}, '#/definitions/none')).toThrow('internal: schemas/thing.schema.json has no #/definitions/none');
  });
});
