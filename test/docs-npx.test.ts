// `npx <name>` fetches <name> from the registry when it is not installed. An unscoped name we do not
// own (`consentry`) would run whatever its later publisher put there on every reader who copies the
// line, so the docs name our scoped packages (`npx @consentry/scanner scan …`) or a repo path.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { docFiles } from './doc-blocks.js';

const root = join(import.meta.dirname, '..');
// Unscoped names that are ours to publish (the server's bin is its package name).
const OWNED = new Set(['consentry-server']);

it('no doc tells readers to npx an unscoped package we do not own', () => {
  const found: string[] = [];
  for (const file of [...docFiles(root), join(root, 'examples/plain-html/package.json')]) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        for (const m of line.matchAll(/\bnpx\s+(?:--?[\w-]+(?:=\S+)?\s+)*(consentry[^\s]*)/g)) {
          if (!OWNED.has(m[1]!)) found.push(`${file.slice(root.length + 1)}:${i + 1}: npx ${m[1]}`);
        }
      });
  }
  expect(found).toEqual([]);
});
