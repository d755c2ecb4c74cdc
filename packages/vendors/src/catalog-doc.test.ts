import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, it } from 'vitest';
import { catalog } from './catalog.js';
import { catalogTable } from './test-utils/catalog-table.js';

/** The repository's docs/vendors.md, looking upwards from the working directory (tests run from the root). */
function findDoc(): string {
  for (let dir = process.cwd(); dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, 'docs/vendors.md'))) return join(dir, 'docs/vendors.md');
  throw new Error('docs/vendors.md not found above the working directory');
}
const DOC = findDoc();
const START = '<!-- catalog:start (generated from the manifests; CONSENTRY_WRITE_DOCS=1 node_modules/.bin/vitest run --project vendors catalog-doc rewrites it) -->';
const END = '<!-- catalog:end -->';

it('docs/vendors.md lists exactly the catalog, as the manifests say', () => {
  const doc = readFileSync(DOC, 'utf8');
  const [before, rest = ''] = doc.split(START);
  const after = rest.split(END)[1] ?? '';
  const expected = `${before}${START}\n${catalogTable(catalog)}\n${END}${after}`;
  if (process.env.CONSENTRY_WRITE_DOCS === '1') writeFileSync(DOC, expected);
  expect(doc.includes(START) && doc.includes(END), 'the markers are in docs/vendors.md').toBe(true);
  expect(doc).toBe(expected);
});
