import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { placeOrder, prepareDeal, TestPlatform, type Deal } from '@mpp/testkit';
import { afterAll, beforeAll, expect, it } from 'vitest';

// The playground as an integrator meets it: Debian's Chromium, the network closed to everything but
// this machine, a query and a live subscription run from the IDE itself; a screenshot is kept.
const artifacts = fileURLToPath(new URL('../../artifacts/', import.meta.url));
let platform: TestPlatform;
let browser: Browser;
let page: Page;
let deal: Deal;
const refusedRequests: string[] = [];

beforeAll(async () => {
  platform = await TestPlatform.start();
  deal = await prepareDeal(platform);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
    refusedRequests.push(url.href);
    return route.abort();
  });
});
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

/** Sets one of GraphiQL's CodeMirror editors as a user's typing would leave it. */
async function setEditor(selector: string, value: string) {
  await page.evaluate(
    ([selector, value]) => {
      // The visible one: the variables and headers editors share a pane, one hidden at a time.
      const editors = [...document.querySelectorAll(`${selector} .CodeMirror`)] as (HTMLElement & { CodeMirror?: { setValue(v: string): void } })[];
      const editor = editors.find((e) => e.offsetParent !== null);
      if (!editor?.CodeMirror) throw new Error(`no editor at ${selector}`);
      editor.CodeMirror.setValue(value);
    },
    [selector, value] as const,
  );
  // GraphiQL re-parses the editors after a short debounce (operation name, headers).
  await page.waitForTimeout(500);
}

const response = () => page.locator('.graphiql-response').innerText();

it('serves GraphiQL from / offline, with docs, runs a query with the Authorization header and shows a live subscription event', async () => {
  await page.goto(`${platform.origin}/`);
  expect(new URL(page.url()).pathname).toBe('/graphql');
  await page.locator('.graphiql-container').waitFor();

  // Schema docs come from introspection.
  await page.getByRole('button', { name: /documentation explorer/i }).click();
  await expect.poll(() => page.locator('.graphiql-doc-explorer').innerText()).toContain('Query');

  // The headers editor, typed in as a user does: a Bearer token.
  await page.getByText('Headers', { exact: true }).click();
  await page.locator('.graphiql-editor-tool .CodeMirror:visible').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(`{"Authorization": "Bearer ${deal.merchant.owner.token}"}`);
  await page.waitForTimeout(500);

  await setEditor('.graphiql-query-editor', 'query WhoAmI { viewer { email memberships { role workspace { name } } } }');
  await page.locator('.graphiql-execute-button').click();
  await expect.poll(response, { timeout: 15_000 }).toContain(deal.merchant.owner.email);
  expect(await response()).toContain(deal.merchant.name);
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: `${artifacts}playground-query.png` });

  // A subscription over graphql-ws on the same /graphql, with the same header as connectionParams.
  await setEditor(
    '.graphiql-query-editor',
    `subscription LiveOrders { orderStatusChanged(workspaceId: "${deal.merchant.id}") { from to order { number service { name isv { name } } } } }`,
  );
  await page.locator('.graphiql-execute-button').click();
  await expect.poll(() => platform.platform.gateway.activeSubscriptions(), { timeout: 15_000 }).toBe(1);
  const order = await placeOrder(deal);
  await expect.poll(response, { timeout: 15_000 }).toContain(order.number);
  expect(await response()).toContain('"NEW"');
  expect(await response()).toContain(deal.isv.name);

  await page.screenshot({ path: `${artifacts}playground-subscription.png` });
  expect(refusedRequests).toEqual([]);
});

it('is off when PLAYGROUND=false: browsers then get GraphQL, not the IDE', async () => {
  const production = await TestPlatform.start({ env: { PLAYGROUND: 'false' } });
  try {
    const answer = await fetch(`${production.origin}/graphql`, { headers: { accept: 'text/html' } });
    expect(answer.headers.get('content-type')).not.toContain('text/html');
    expect((await fetch(`${production.origin}/playground/graphiql.js`)).status).toBe(404);
  } finally {
    await production.stop();
  }
});
