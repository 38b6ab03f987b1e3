import { describe, expect, test } from '@jest/globals';
import { bypassesProxy, describeProxy, isLoopbackHost, proxyAuthorization, proxyRoute } from '../../src/lib/proxy-env.js';

const PROXY = 'http://proxy.corp:3128';
const via = (url: string, env: NodeJS.ProcessEnv) => proxyRoute(new URL(url), env).proxy?.href;

describe('which proxy a request goes through', () => {
  test.each([
    ['https://cp.example.com/', { HTTPS_PROXY: PROXY }, `${PROXY}/`],
    ['https://cp.example.com/', { https_proxy: PROXY, HTTPS_PROXY: 'http://other:1' }, `${PROXY}/`],
    ['https://cp.example.com/', { HTTP_PROXY: PROXY }, undefined],
    ['http://cp.example.com/', { HTTP_PROXY: PROXY }, `${PROXY}/`],
    ['http://cp.example.com/', { http_proxy: PROXY }, `${PROXY}/`],
    ['https://cp.example.com/', { HTTPS_PROXY: '  ' }, undefined],
    ['https://cp.example.com/', {}, undefined],
  ])('%s with %j goes through %s', (url, env, expected) => {
    expect(via(url, env)).toBe(expected);
  });

  test.each([
    // host, NO_PROXY, bypassed
    ['https://cp.example.com/', 'cp.example.com', true],
    ['https://CP.Example.COM/', 'cp.example.com', true],
    ['https://cp.example.com/', 'example.com', true],
    ['https://cp.example.com/', '.example.com', true],
    ['https://cp.example.com/', '*.example.com', true],
    ['https://example.com/', '.example.com', true],
    ['https://badexample.com/', 'example.com', false],
    ['https://cp.example.com/', 'other.com, example.com', true],
    ['https://cp.example.com/', 'other.com example.com', true],
    ['https://cp.example.com/', '*', true],
    ['https://cp.example.com:8443/', 'cp.example.com:8443', true],
    ['https://cp.example.com:8443/', 'cp.example.com:443', false],
    ['https://cp.example.com/', 'cp.example.com:443', true],
    ['http://cp.example.com/', 'cp.example.com:80', true],
    ['https://10.0.0.5/', '10.0.0.5', true],
    ['https://10.0.0.5/', '10.0.0.0/8', false],
    ['https://10.0.0.50/', '10.0.0.5', false],
    ['https://[fd00::5]/', 'fd00::5', true],
    ['https://[fd00::5]:8443/', '[fd00::5]:8443', true],
    ['https://[fd00::5]/', '[fd00::5]:8443', false],
    ['https://cp.example.com/', '', false],
    ['https://cp.example.com/', ',,', false],
  ])('%s with NO_PROXY=%j: bypassed %s', (url, noProxy, expected) => {
    expect(bypassesProxy(new URL(url), { NO_PROXY: noProxy })).toBe(expected);
    expect(via(url, { HTTPS_PROXY: PROXY, HTTP_PROXY: PROXY, no_proxy: noProxy }) === undefined).toBe(expected);
  });

  test.each([
    ['localhost', true],
    ['api.localhost', true],
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['[::1]', true],
    ['127.example.com', false],
    ['cp.example.com', false],
    ['10.0.0.1', false],
  ])('loopback %s: %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
    expect(via(`https://${host}/`, { HTTPS_PROXY: PROXY }) === undefined).toBe(expected);
  });

  test('proxy credentials: decoded into Basic, never in the description', () => {
    const proxy = new URL('http://ci%40corp:p%3Ass@proxy.corp:3128/');
    expect(proxyAuthorization(proxy)).toBe(`Basic ${Buffer.from('ci@corp:p:ss').toString('base64')}`);
    expect(proxyAuthorization(new URL(PROXY))).toBeUndefined();
    expect(describeProxy(proxy)).toBe('http://proxy.corp:3128');
  });
});
