import { existsSync } from 'node:fs';
import { describe } from '@jest/globals';
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import { available, describeWith, type Service } from './services.js';

/**
 * Headless Debian Chromium driven by playwright-core, for tests that look at the launcher the way
 * its users do. `CHROMIUM` overrides the binary (default `/usr/bin/chromium`, what `.ci/run`
 * installs).
 */
export const CHROMIUM_PATH = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Whether the Chromium binary is there. */
export const chromiumAvailable = existsSync(CHROMIUM_PATH);

/**
 * `describe` when Chromium and every service are there, else `describe.skip`; under CI=true the
 * tests always run, so a missing Chromium fails them (the same rule as `describeWith`).
 */
export function describeWithBrowser(services: Service[]): typeof describe | typeof describe.skip {
  const gate = describeWith(services);
  if (process.env.CI === 'true') return gate;
  return chromiumAvailable && services.every((service) => available[service]) ? gate : describe.skip;
}

/**
 * The flags that work on this machine as root (reference test-infra.md "Headless Chromium"):
 * no sandbox, no GPU, no QUIC, no background traffic of its own, and each given host resolved to
 * 127.0.0.1 so nothing leaves loopback. `--ignore-certificate-errors` accepts the sandbox Edge's
 * self-signed certificate. playwright-core gives every launch a new empty profile folder itself
 * (it refuses `--user-data-dir` in `launch`).
 */
export function chromiumArgs(hosts: readonly string[]): string[] {
  for (const host of hosts) {
    if (!/^[a-z0-9.-]+$/i.test(host)) throw new Error(`not a host name: ${host}`);
  }
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--ignore-certificate-errors',
    `--host-resolver-rules=${hosts.map((host) => `MAP ${host} 127.0.0.1`).join(', ')}`,
  ];
}

/** Starts headless Chromium with `chromiumArgs(hosts)`. */
export async function launchChromium(hosts: readonly string[]): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: chromiumArgs(hosts), timeout: 60_000 });
}

/** One request the page made, with its answer's status (0: it failed or was blocked). */
export interface SeenRequest {
  method: string;
  url: string;
  status: number;
  /** The answer's Content-Type, '' when there was none. */
  contentType: string;
  /** Why it failed (Chromium's net error, e.g. a CORS block shows as net::ERR_FAILED). */
  failure?: string;
}

/** What one page load showed: its console errors, uncaught errors and every request. */
export interface PageVisit {
  page: Page;
  consoleErrors: string[];
  pageErrors: string[];
  requests: SeenRequest[];
  /** Every answer the page got, to read a body (`await response.json()`) while the page is open. */
  responses: Response[];
  /** Requests that failed, were blocked, or were answered with a status of 400 or more. */
  failed(): SeenRequest[];
}

/**
 * Opens `url` in a new page of `context`, recording console errors, uncaught exceptions and every
 * request, and waits until `ready` (a CSS selector) is in the page.
 */
export async function visit(context: BrowserContext, url: string, ready: string): Promise<PageVisit> {
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const requests: SeenRequest[] = [];
  const responses: Response[] = [];
  page.on('response', (response) => responses.push(response));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('requestfinished', (request) => {
    void request.response().then((response) => {
      requests.push({ method: request.method(), url: request.url(), status: response?.status() ?? 0, contentType: response?.headers()['content-type'] ?? '' });
    });
  });
  page.on('requestfailed', (request) => {
    requests.push({ method: request.method(), url: request.url(), status: 0, contentType: '', failure: request.failure()?.errorText ?? 'failed' });
  });
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  await page.waitForSelector(ready, { timeout: 30_000 });
  // Let the requests still in flight settle, so that the record is complete.
  await page.waitForLoadState('networkidle', { timeout: 30_000 });
  return {
    page,
    consoleErrors,
    pageErrors,
    requests,
    responses,
    failed: () => requests.filter((request) => request.status === 0 || request.status >= 400),
  };
}
