// Pointers a newcomer can follow: comments and docs cite the architecture in this repository
// (docs/architecture.md), never a design file outside it, and every cited section exists.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const SKIP = new Set(['node_modules', 'dist', '.git', 'coverage', 'consentry-data', 'screenshots']);

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.(ts|tsx|mts|js|mjs|cjs|md|json|html|css|yml|yaml)$/.test(name)) out.push(path);
  }
  return out;
}

const files = [...['packages', 'docs', 'test', 'examples', 'scripts', '.ci'].flatMap((d) => {
  const path = join(root, d);
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ? walk(path) : [];
}), ...['README.md'].map((f) => join(root, f))].map((path) => ({ file: relative(root, path), text: readFileSync(path, 'utf8') }));

const architecture = readFileSync(join(root, 'docs/architecture.md'), 'utf8');
const sections = new Set([...architecture.matchAll(/^## (\d+)\. /gm)].map((m) => m[1]!));

describe('pointers to the architecture', () => {
  it('reads the repository', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(sections.size).toBeGreaterThanOrEqual(8);
  });

  it('no file cites the design outside the repository ("ARCHITECTURE section N", ARCHITECTURE.md, shared/design)', () => {
    const outside = /ARCHITECTURE(?:\.md| section)|shared\/design/;
    const found = files.filter(({ file, text }) => file !== 'test/pointers.test.ts' && outside.test(text)).map(({ file, text }) => `${file}: ${text.split('\n').find((l) => outside.test(l))!.trim()}`);
    expect(found, 'point at docs/architecture.md (bring what the reader needs into it)').toEqual([]);
  });

  it('every "docs/architecture.md, section N" and architecture.md#N- link names a section that exists', () => {
    const missing: string[] = [];
    for (const { file, text } of files) {
      for (const m of text.matchAll(/architecture\.md, section (\d+)|architecture\.md#(\d+)-/g)) {
        const n = m[1] ?? m[2]!;
        if (!sections.has(n)) missing.push(`${file}: section ${n}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
