import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StorageAdapter } from '../storage/types.js';
import { bakeGuard } from './delivery.js';
import { createConsoleStore } from './store.js';

/**
 * `consentry-server publish --out DIR`: the files `/s/<site>/…` serves, for sites served from a CDN.
 * Per site: `<site>/consentry.js` (latest) and `<site>/v/<n>/consentry.js` (that version), each with
 * the guard's sibling folders beside it. Returns what was written, for the CLI to print.
 */
export async function publishOut(storage: StorageAdapter, guardDir: string, outDir: string, only?: string): Promise<string[]> {
  const store = createConsoleStore(storage.sql);
  const guard = readFileSync(join(guardDir, 'consentry.compiled.js'), 'utf8');
  const written: string[] = [];
  const siblings = (dir: string) => {
    for (const sub of ['chunks', 'i18n', 'vendors']) {
      let files: string[] = [];
      try {
        files = readdirSync(join(guardDir, sub)).filter((f) => f.endsWith('.js'));
      } catch {
        continue; // a build without that folder
      }
      mkdirSync(join(dir, sub), { recursive: true });
      for (const f of files) copyFileSync(join(guardDir, sub, f), join(dir, sub, f));
    }
  };
  for (const s of await store.sites()) {
    if (only !== undefined && s.site !== only) continue;
    const latest = await store.version(s.site);
    if (!latest) continue;
    for (const [dir, v] of [[join(outDir, s.site), latest], [join(outDir, s.site, 'v', String(latest.version)), latest]] as const) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'consentry.js'), bakeGuard(v.config, guard));
      siblings(dir);
      written.push(join(dir, 'consentry.js'));
    }
  }
  return written;
}
