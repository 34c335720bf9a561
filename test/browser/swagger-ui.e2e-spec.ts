import { mkdirSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { BIG_ID_CALL_JSON, CALLS, DIALER_CALL_JSON, PERMISSION_DENIED_JSON, USERS } from '../support/demo';
import { skipNote } from '../support/skip-note';
import { createTestApp, TestApp } from '../support/test-app';
import { type Browser, chromiumMissing, launchChromium } from './browser';

/**
 * Swagger UI as a person uses it, in a real browser under the service's own security headers: authorize with a
 * bearer token, try Get Call on a call of the demo data set, on the call above 2^53 (shown exactly: the page asks for
 * int64 values as strings), then on a call that does not exist.
 */

const SCREENSHOTS = path.resolve(__dirname, '../../artifacts/screenshots');
const GET_CALL = '#operations-Calls-getCall';
const MISSING_CALL = '563172647619999';
const INT64_STRINGS = 'application/json; int64=string';
/** A record of the API with its ids as strings, as the page asks for it. */
const withIdsAsStrings = (json: string) =>
  json.replace(/"(id|dialerCallRecordId|userId|leadId|agentId)":(\d+)/g, '"$1":"$2"');

// Generous for a busy 2-core CI machine, but bounded: a stuck page fails the test instead of hanging the run.
const LAUNCH_TIMEOUT_MS = 60_000;
const STEP_TIMEOUT_MS = 20_000;
const NAVIGATION_TIMEOUT_MS = 30_000;
const SETUP_TIMEOUT_MS = 120_000;
const TEST_TIMEOUT_MS = 120_000;

const missingChromium = chromiumMissing();
const describeInBrowser = missingChromium === undefined ? describe : describe.skip;
if (missingChromium !== undefined) {
  skipNote(
    `the Swagger UI browser test: ${missingChromium}. ` +
      "Install Debian's Chromium with `apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium executable.",
  );
}

describeInBrowser('Swagger UI in a browser', () => {
  let t: TestApp;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let watch: PageWatch;
  let baseUrl: string;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    rmSync(screenshot('failed'), { force: true });
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    const { port } = (t.app.getHttpServer() as Server).address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}`;
    browser = await launchChromium({ timeoutMs: LAUNCH_TIMEOUT_MS });
    context = browser.context;
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    context.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
    watch = await watchPages(context);
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      await t?.close();
    }
  }, SETUP_TIMEOUT_MS);

  it(
    'authorizes with a bearer token, gets call 563172647619608 (200) and 9007199254740993 shown exactly, and is denied a call that does not exist (400)',
    async () => {
      const page = await context.newPage();
      const token = t.token(USERS.agent);
      try {
        await openDocs(page, baseUrl);
        await authorize(page, token);
        await page.screenshot({ path: screenshot('1-authorized') });
        await closeAuthorizations(page);

        const getCall = await openTryItOut(page, GET_CALL);

        const found = await execute(page, getCall, CALLS.dialer);
        expect(found.requestUrl).toBe(`${baseUrl}/v2.0/communication/call/${CALLS.dialer}`);
        expect(found.sentAuthorization).toBe(`Bearer ${token}`);
        expect(found.sentAccept).toBe(INT64_STRINGS);
        expect(found.status).toBe('200');
        // The record exactly as the API answers it, the ids as exact int64 values (strings: the page asks so).
        expect(found.body).toContain('"id": "563172647619608",');
        expect(found.body).toContain('"dialerCallRecordId": "400000012345",');
        expect(JSON.parse(found.body)).toEqual(JSON.parse(withIdsAsStrings(DIALER_CALL_JSON)));
        await getCall.screenshot({ path: screenshot('2-get-call-200') });

        // Above 2^53: what JSON.parse would round to 9007199254740992 is shown as it is.
        const big = await execute(page, getCall, CALLS.above2To53);
        expect(big.sentAccept).toBe(INT64_STRINGS);
        expect(big.status).toBe('200');
        expect(big.body).toContain('"id": "9007199254740993",');
        expect(big.body).toContain('"dialerCallRecordId": "9007199254740995",');
        expect(big.body).not.toContain('9007199254740992');
        expect(JSON.parse(big.body)).toEqual(JSON.parse(withIdsAsStrings(BIG_ID_CALL_JSON)));
        await getCall.screenshot({ path: screenshot('3-get-call-above-2-to-53') });

        const denied = await execute(page, getCall, MISSING_CALL);
        expect(denied.requestUrl).toBe(`${baseUrl}/v2.0/communication/call/${MISSING_CALL}`);
        expect(denied.sentAuthorization).toBe(`Bearer ${token}`);
        expect(denied.status).toBe('400');
        expect(JSON.parse(denied.body)).toEqual(JSON.parse(PERMISSION_DENIED_JSON));
        await getCall.screenshot({ path: screenshot('4-get-call-400') });
      } catch (error) {
        await page.screenshot({ path: screenshot('failed'), fullPage: true }).catch(() => undefined);
        // What the browser reported (a blocked script, a failed load) is the likeliest cause: say that first.
        expectNoTrouble(watch);
        throw error;
      }
      expectNoTrouble(watch);
    },
    TEST_TIMEOUT_MS,
  );
});

interface PageWatch {
  cspViolations: string[];
  consoleErrors: string[];
  pageErrors: string[];
}

/** What the pages of a context report: Content-Security-Policy violations, console errors, uncaught errors. */
async function watchPages(context: BrowserContext): Promise<PageWatch> {
  const watch: PageWatch = { cspViolations: [], consoleErrors: [], pageErrors: [] };
  await context.exposeBinding('reportCspViolation', (_source, violation: string) => {
    watch.cspViolations.push(violation);
  });
  // The page's own report of every violation, whether or not the browser also writes it to the console.
  await context.addInitScript(
    `document.addEventListener('securitypolicyviolation', (e) => reportCspViolation(
       e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));`,
  );
  context.on('console', (message) => {
    if (message.type() !== 'error') return;
    watch.consoleErrors.push(`${message.text()} (${message.location().url})`);
    if (/Content.Security.Policy/i.test(message.text())) watch.cspViolations.push(message.text());
  });
  context.on('weberror', (error) => watch.pageErrors.push(error.error().message));
  return watch;
}

/** No CSP violation, no uncaught error, and no console error but the browser's own note of the 400 answer. */
function expectNoTrouble(watch: PageWatch): void {
  expect(watch.cspViolations).toEqual([]);
  expect(watch.pageErrors).toEqual([]);
  expect(watch.consoleErrors.filter((text) => !text.includes('status of 400 (Bad Request)'))).toEqual([]);
}

async function openDocs(page: Page, baseUrl: string): Promise<void> {
  const response = await page.goto(`${baseUrl}/docs`);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await page.locator(GET_CALL).waitFor();
}

/** Authorize, paste the token, Authorize: the dialog then says Authorized and offers to log out. */
async function authorize(page: Page, token: string): Promise<void> {
  await page.locator('.auth-wrapper .btn.authorize').click();
  const dialog = page.locator('.modal-ux');
  await dialog.locator('#auth-bearer-value').fill(token);
  await dialog.locator('.auth-btn-wrapper .btn.authorize').click();
  await dialog.locator('.auth-container h6', { hasText: 'Authorized' }).waitFor();
  await dialog.locator('.auth-btn-wrapper .btn', { hasText: 'Logout' }).waitFor();
}

async function closeAuthorizations(page: Page): Promise<void> {
  await page.locator('.modal-ux .btn-done').click();
  await page.locator('.modal-ux').waitFor({ state: 'detached' });
  // The padlock of the top button is now closed.
  await page.locator('.auth-wrapper .btn.authorize.locked').waitFor();
}

/** Expands an operation and turns on "Try it out"; answers the operation's block. */
async function openTryItOut(page: Page, operation: string): Promise<Locator> {
  const block = page.locator(operation);
  await block.locator('.opblock-summary-control').click();
  await block.locator('.try-out__btn').click();
  await block.locator('.execute').waitFor();
  return block;
}

interface Execution {
  /** The Request URL shown. */
  requestUrl: string;
  /** The Authorization header the browser sent. */
  sentAuthorization: string | null;
  /** The Accept header the browser sent. */
  sentAccept: string | null;
  /** The status cell of the live response, as shown. */
  status: string;
  /** The response body, as shown. */
  body: string;
}

/** Enters a communication id, clicks Execute, and reads the live response once it shows that request's answer. */
async function execute(page: Page, operation: Locator, communicationId: string): Promise<Execution> {
  await operation.locator('input[placeholder="communicationId"]').fill(communicationId);
  const answered = page.waitForResponse((r) => r.url().endsWith(`/v2.0/communication/call/${communicationId}`));
  await operation.locator('.execute').click();
  const response = await answered;
  // The previous answer stays on screen until the new one has been read: wait for the spinner to go.
  await operation.locator('.loading-container').waitFor({ state: 'detached' });
  const answer = operation.locator('.live-responses-table tr.response');
  return {
    requestUrl: await operation.locator('.request-url pre').innerText(),
    sentAuthorization: await response.request().headerValue('authorization'),
    sentAccept: await response.request().headerValue('accept'),
    status: (await answer.locator('.response-col_status').innerText()).trim(),
    body: await answer.locator('.response-col_description .highlight-code .microlight').innerText(),
  };
}

function screenshot(name: string): string {
  return path.join(SCREENSHOTS, `swagger-ui-${name}.png`);
}
