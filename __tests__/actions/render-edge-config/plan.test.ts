import { describe, expect, it } from '@jest/globals';
import { chooseValidation, planRender } from '../../../src/actions/render-edge-config/plan.js';
import { renderEdgeConfig, type RenderTemplates } from '../../../src/actions/render-edge-config/render.js';
import type { RenderRequest } from '../../../src/actions/render-edge-config/request.js';

const request: RenderRequest = {
  launchers: [{ kind: 'app', host: 'apps.example.test', configInput: 'app-launcher-config' }],
  apiUrl: 'https://cp.example.test/pipeline/restapi',
  serviceUser: 'SHINY_PORTAL',
  listen: '443 ssl',
  certDir: '/opt/edge/pki',
  edgeAppsDir: '/etc/nginx/external-apps',
};

const source = (text: string, input: string) => ({ text, input, file: `/t/${input}.hbs` });
const templates: RenderTemplates = {
  defaults: { app: source('{"title": "Apps {{host}}"}', 'app-launcher-config'), tool: source('{"title": "Tools"}', 'tool-launcher-config') },
  layers: {},
  serverBlock: source('server { server_name {{host}}; }\n', 'server-template'),
};

describe('planRender', () => {
  it('writes what the core renders', () => {
    const plan = planRender(request, templates);
    expect(plan.rendered).toEqual(renderEdgeConfig(request, templates));
    expect(plan.rendered.files.map((file) => file.path)).toEqual(['external-apps/apps.example.test.srv.conf', 'external-apps/quick-launcher/settings.json']);
  });

  it.each<[string, RenderRequest, RenderTemplates, boolean]>([
    ['the same request and templates', { ...request }, { ...templates }, true],
    ['another cert-dir (only nginx -t reads it)', { ...request, certDir: '/elsewhere' }, templates, true],
    ['another host', { ...request, launchers: [{ ...request.launchers[0], host: 'other.example.test' }] }, templates, false],
    ['another service user', { ...request, serviceUser: 'OTHER' }, templates, false],
    ['another server-block template', request, { ...templates, serverBlock: source('server { listen 8443; }\n', 'server-template') }, false],
  ])('the output\'s inputs digest, given %s: equal %p', (_name, otherRequest, otherTemplates, equal) => {
    const digest = planRender(request, templates).inputsDigest;
    expect(planRender(otherRequest, otherTemplates).inputsDigest === digest).toBe(equal);
  });
});

describe('chooseValidation', () => {
  const both = { nginx: true, openssl: true };
  it.each([
    ['false: never', 'false', both, { run: false }],
    ['true, both tools: runs', 'true', both, { run: true }],
    ['auto, both tools: runs', 'auto', both, { run: true }],
    ['auto, no nginx: skipped with a warning', 'auto', { nginx: false, openssl: true }, { run: false, warning: 'nginx is not on PATH: the rendered configuration was not checked with nginx -t' }],
    ['auto, no openssl: skipped with a warning', 'auto', { nginx: true, openssl: false }, { run: false, warning: 'openssl is not on PATH: the rendered configuration was not checked with nginx -t' }],
    ['false, no tools: no warning', 'false', { nginx: false, openssl: false }, { run: false }],
  ] as const)('%s', (_name, mode, found, expected) => {
    expect(chooseValidation(mode, found)).toEqual(expected);
  });

  it('refuses validate: true without the tools, naming the input', () => {
    expect(() => chooseValidation('true', { nginx: true, openssl: false })).toThrow("Input 'validate': is true but openssl is not on PATH");
  });
});
