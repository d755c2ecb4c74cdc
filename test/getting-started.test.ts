// The getting-started walkthrough must work as written: every vendor its markup names (data-vendor)
// is listed in its config, or that markup never runs (docs/configuration.md, "Only a listed vendor
// can ever run").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const doc = readFileSync(join(import.meta.dirname, '..', 'docs', 'getting-started.md'), 'utf8');

it("every data-vendor in getting-started's markup is listed in its config", () => {
  const config = /<script type="application\/json" id="consentry-config">([^]*?)<\/script>/.exec(doc)![1]!;
  const listed = Object.keys((JSON.parse(config) as { vendors: Record<string, unknown> }).vendors);
  const named = [...new Set([...doc.matchAll(/data-vendor="([\w-]+)"/g)].map((m) => m[1]!))];
  expect(named.filter((v) => !listed.includes(v))).toEqual([]);
});

it('configuration.md and ui.md agree: an empty category is not offered', () => {
  const configuration = readFileSync(join(import.meta.dirname, '..', 'docs', 'configuration.md'), 'utf8');
  expect(configuration).not.toMatch(/Every listed category is shown/);
  expect(readFileSync(join(import.meta.dirname, '..', 'docs', 'ui.md'), 'utf8')).toMatch(/Empty categories are not offered/);
});
