import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createApp } from '../app.js';
import { createSqliteStorage } from '../storage/sqlite.js';
import { makeSigningKey, tempDir } from '../test-utils/fixtures.js';
import { publishOut } from './publish-out.js';
import { createConsoleStore } from './store.js';

it('publish --out writes the same files /s/<site>/ serves, with the guard siblings beside them', async () => {
  const tmp = tempDir();
  const guardDir = join(tmp.dir, 'guard');
  mkdirSync(join(guardDir, 'chunks'), { recursive: true });
  writeFileSync(join(guardDir, 'consentry.compiled.js'), '/* guard */ window.__baked = __CONSENTRY_COMPILED__;');
  writeFileSync(join(guardDir, 'chunks', 'proof.js'), '/* proof */');
  const storage = createSqliteStorage({ file: join(tmp.dir, 'db.sqlite') });
  try {
    await storage.migrate();
    const store = createConsoleStore(storage.sql);
    const who = { actor: 'owner@example.com', action: 'test', subject: 'shop' };
    await store.createSite({ site: 'shop', name: 'Shop', draft: {} }, who);
    await store.publish('shop', { revision: 1, vendors: {} }, 'e1', who);
    await store.publish('shop', { revision: 2, vendors: {} }, 'e2', who);
    await store.createSite({ site: 'draft-only', name: 'Never published', draft: {} }, who);
    const out = join(tmp.dir, 'out');
    const written = await publishOut(storage, guardDir, out);
    expect(written).toEqual([join(out, 'shop', 'consentry.js'), join(out, 'shop', 'v', '2', 'consentry.js')]);
    const app = createApp({ storage, signingKey: makeSigningKey(), console: { guardDir } });
    const served = await (await app.request('/s/shop/consentry.js')).text();
    expect(readFileSync(join(out, 'shop', 'consentry.js'), 'utf8')).toBe(served);
    expect(readFileSync(join(out, 'shop', 'v', '2', 'chunks', 'proof.js'), 'utf8')).toBe('/* proof */');
  } finally {
    await storage.close();
    tmp.remove();
  }
});
