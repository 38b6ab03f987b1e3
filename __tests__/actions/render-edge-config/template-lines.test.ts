import { describe, expect, it } from '@jest/globals';
import { templateLineFor } from '../../../src/actions/render-edge-config/template-lines.js';

const template = [
  '# {{label}} for {{host}}',
  'server {',
  '    listen {{listen}} ssl;',
  '{{#if isApp}}',
  '    location /apps/ { proxy_pass {{upstream}}; }',
  '{{/if}}',
  '    server_name {{host}};',
  '{{{extra}}}',
  '    root {{root}};',
  '    root /static;',
  '}',
].join('\n');

describe('templateLineFor', () => {
  it.each([
    ['a line with values', '# App for a.test\nserver {\n    listen 1.2.3.4:443 ssl;\n    server_name a.test;\n', 4, 7],
    ['a line after a block left out', 'x\nserver {\n    listen 1:2 ssl;\n    server_name a.test;\n    root /srv;\n', 5, 9],
    ['the same text twice: the nearest line wins', 'a\nb\nc\nd\ne\nf\ng\nh\ni\n    root /static;\n', 10, 10],
    ['a line written wholly by a value', 'a\nb\nc\nd\ne\nf\ng\nmadeup directive;\n', 8, undefined],
    ['an empty line', 'a\n\nc\n', 2, undefined],
    ['a line past the end', 'a\n', 5, undefined],
  ])('%s', (_name, rendered, outputLine, expected) => {
    expect(templateLineFor(template, rendered, outputLine)).toBe(expected);
  });
});
