// Screenshots of the console for docs/console.md: `pnpm build`, then
//   node packages/server/scripts/console-screenshots.mjs
// Starts the built server on a temp SQLite file, fills it through the API, and shoots the pages in
// the machine's Chromium at 1280 and 375 px into docs/screenshots/console-*.png.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { chromium } from 'playwright-core';
import { createApp, createSqliteStorage, loadOrCreateSigningKey } from '../dist/index.js';

const out = join(import.meta.dirname, '..', '..', '..', 'docs', 'screenshots');
const dir = mkdtempSync(join(tmpdir(), 'consentry-shots-'));
const TOKEN = 'screenshot-admin-token-0123';
const storage = createSqliteStorage({ file: join(dir, 'db.sqlite') });
await storage.migrate();
const app = createApp({ storage, signingKey: loadOrCreateSigningKey(join(dir, 'key.pem')), adminToken: TOKEN });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${server.address().port}`;
const call = async (method, path, body) => {
  const res = await fetch(base + path, { method, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
};
await call('POST', '/admin/api/accounts', { email: 'owner@example.com', role: 'owner', password: 'owner-password-123' });
await call('POST', '/admin/api/accounts', { email: 'marketer@example.com', role: 'marketer', password: 'marketer-password-123' });
await call('POST', '/admin/api/sites', { site: 'shop', name: 'Tea shop' });
const v1 = { revision: 1, vendors: { hotjar: { id: '1234567' }, 'google-analytics': { id: 'G-ABC123' } }, links: { privacyPolicy: '/privacy' } };
await call('PUT', '/admin/api/sites/shop/draft', { config: v1 });
await call('POST', '/admin/api/sites/shop/publish', {});

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
try {
  for (const width of [1280, 375]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${base}/admin`);
    await page.getByRole('heading', { name: /Sign in/ }).waitFor();
    if (width === 375) await page.screenshot({ path: join(out, `console-login-${width}.png`) });
    await page.getByLabel('Email').fill('marketer@example.com');
    await page.getByLabel('Password').fill('marketer-password-123');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Tea shop' }).click();
    await page.getByRole('switch', { name: /Hotjar/ }).click();
    await page.getByRole('button', { name: 'Review changes' }).click();
    await page.getByRole('region', { name: 'Changes' }).waitFor({ timeout: 8000 }).catch(async (e) => { console.log(await page.locator('main').innerText()); throw e; });
    await page.screenshot({ path: join(out, `console-site-${width}.png`), fullPage: true });
    await page.getByRole('button', { name: /^Publish version \d+$/ }).click();
    await page.getByText(/^Published version \d+\.$/).waitFor();
    await call('POST', '/admin/api/sites/shop/publish', { fromVersion: 1 }); // the next width starts from Hotjar on again
    await call('PUT', '/admin/api/sites/shop/draft', { config: v1 });
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('region', { name: 'Audit log entries' }).waitFor();
    if (width === 1280) await page.screenshot({ path: join(out, `console-audit-${width}.png`) });
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
}
console.log(`screenshots written to ${out}`);
