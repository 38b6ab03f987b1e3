import { afterEach, describe, expect, test } from '@jest/globals';
import { checkApiUrl, createCloudPipelineClient } from '../../src/cloud-pipeline/index.js';
import { InputError } from '../../src/lib/errors.js';
import { HttpClient } from '../../src/lib/http-client.js';
import { proxyRoute } from '../../src/lib/proxy-env.js';
import { redactUrlCredentials } from '../../src/lib/redact.js';
import { serveHttp } from '../cloud-pipeline/loopback-network.js';

const TOKEN = 'eyJhbGciOiJSUzUxMiJ9.url-test-admin-token.sig';
const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe('finding 5: credentials in api-url are refused and never printed', () => {
  test.each([
    'https://admin:hunter2-secret@cp.example.com/pipeline/restapi',
    'https://admin@cp.example.com/pipeline/restapi',
    'https://:hunter2-secret@cp.example.com/pipeline/restapi',
  ])('%s is an InputError naming api-url, without the password', (url) => {
    const error = (() => {
      try {
        checkApiUrl(url);
      } catch (e) {
        return e;
      }
      return undefined;
    })() as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.input).toBe('api-url');
    expect(error.message).toBe("Input 'api-url': must not carry credentials (https://***@cp.example.com/pipeline/restapi): the API is reached with 'api-token' alone");
    expect(error.message).not.toContain('hunter2');
    expect(error.message).not.toContain('admin');
  });

  test('the client refuses such a URL where it is created, before any request', async () => {
    let requests = 0;
    const server = await serveHttp((_request, response) => {
      requests++;
      response.end();
    });
    closers.push(() => server.close());
    const url = `http://admin:hunter2-secret@127.0.0.1:${server.port}/pipeline/restapi`;
    expect(() => createCloudPipelineClient({ url, token: TOKEN })).toThrow(InputError);
    expect(() => createCloudPipelineClient({ url, token: TOKEN })).toThrow(/^Input 'api-url': must not carry credentials \(http:\/\/\*\*\*@127\.0\.0\.1:\d+\/pipeline\/restapi\)/);
    expect(requests).toBe(0);
  });

  test('a URL that is no http(s) URL is named too', () => {
    expect(() => checkApiUrl('ftp://cp.example.com/pipeline/restapi')).toThrow("Input 'api-url': must be an http:// or https:// URL, not ftp://");
    expect(() => checkApiUrl('user:pw@cp')).toThrow(/^Input 'api-url': /);
    expect(checkApiUrl('https://cp.example.com/pipeline/restapi').host).toBe('cp.example.com');
  });

  test('URLs in any error text lose their userinfo', () => {
    expect(redactUrlCredentials('GET https://u:p4ss@a.example/x and http://tok@b.example:8080/ failed; mail@example.com stays')).toBe(
      'GET https://***@a.example/x and http://***@b.example:8080/ failed; mail@example.com stays',
    );
  });

  test('a request URL with userinfo never leaves the client', async () => {
    let requests = 0;
    const server = await serveHttp((_request, response) => {
      requests++;
      response.end();
    });
    closers.push(() => server.close());
    const http = new HttpClient();
    closers.push(() => http.close());
    await expect(http.request({ method: 'GET', url: `http://u:p@127.0.0.1:${server.port}/` })).rejects.toThrow('credentials in a request URL are refused');
    expect(requests).toBe(0);
  });

  test('a bad proxy variable is named, its credentials not shown', () => {
    expect(() => proxyRoute(new URL('https://cp.example.com/'), { HTTPS_PROXY: 'socks5://u:s3cret@proxy:1080' })).toThrow('HTTPS_PROXY: only http:// and https:// proxies are supported, not socks5://');
    expect(() => proxyRoute(new URL('https://cp.example.com/'), { https_proxy: 'http://u:s3cret@[bad' })).toThrow('https_proxy is not a URL: http://***@[bad');
    expect(proxyRoute(new URL('https://cp.example.com/'), { HTTPS_PROXY: 'proxy.corp:3128' }).proxy?.href).toBe('http://proxy.corp:3128/');
    expect(proxyRoute(new URL('http://cp.example.com/'), { HTTPS_PROXY: 'proxy.corp:3128' }).proxy).toBeUndefined();
  });
});
