// `DEMO_PORT=… PORT=… pnpm start`: the demo's pages must send their proofs to the consent server on
// PORT, not to the 8787 their configs were written with.
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs script without types
import { createDemoSite } from '../scripts/demo-site.mjs';

const root = join(import.meta.dirname, '..');
const site = createDemoSite([join(root, 'examples/plain-html')], 9911);
afterAll(() => new Promise((r) => site.close(r)));

it.each(['/', '/pricing.html', '/blog.html', '/privacy.html', '/cookies.html'])('%s posts its proofs to the PORT the server was started on', async (path) => {
  await new Promise<void>((r) => (site.listening ? r() : site.listen(0, '127.0.0.1', () => r())));
  const { port } = site.address() as AddressInfo;
  const html = await (await fetch(`http://127.0.0.1:${port}${path}`)).text();
  expect(html).toContain('"endpoint": "http://127.0.0.1:9911/v1/consents"');
  expect(html).not.toContain('8787');
});
