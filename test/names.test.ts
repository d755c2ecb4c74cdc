// One meaning per name (issue 22): "guard" is stage 1 (`consentry.min.js`, assembly's `startGuard`) and
// nothing else; `settle` and `str` are each defined once. A second meaning needs its own name.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (['node_modules', 'dist'].includes(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.(ts|tsx|mts|mjs)$/.test(name)) out.push(path);
  }
  return out;
}
// Shipped sources only (the e2e harness's `settle(page)` is a test helper, left for now).
const files = walk(join(root, 'packages')).filter((path) => path.includes('/src/')).map((path) => ({ file: relative(root, path), text: readFileSync(path, 'utf8') }));

describe('one meaning per name', () => {
  // The blocker's request and storage wrappers are interceptors; the UI's error wrapper is `safe`.
  it.each(['packages/blocker/src/', 'packages/ui/src/'])('%s never says "guard" (it means stage 1)', (dir) => {
    const guard = /\bguard(?:s|ed)?\b|Guard\b/;
    const found = files.filter(({ file, text }) => file.startsWith(dir) && guard.test(text)).map(({ file }) => file);
    expect(found).toEqual([]);
  });

  it.each(['settle', 'str'])('`%s` is defined in one place only', (name) => {
    // `function settle`, `const settle =`, or a method `settle(a: T): R {`; a call is not a definition.
    const definition = new RegExp(`\\b(?:function|const|let)\\s+${name}\\b|^\\s*(?:async\\s+)?${name}\\s*(?:<[^>]*>)?\\([^)]*\\)\\s*(?::[^{=]+)?\\{`, 'm');
    const found = files.filter(({ file, text }) => !/\.test\.tsx?$/.test(file) && definition.test(text)).map(({ file }) => file);
    expect(found.length, found.join(', ')).toBeLessThanOrEqual(1);
  });
});
