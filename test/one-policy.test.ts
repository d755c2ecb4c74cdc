// Every grant rule lives in packages/core/src/policy.ts (issue 22). This test knows the shapes the rules
// were once written in, in four packages, and fails when one of them appears in source outside policy.ts.
// Each shape must also be found in policy.ts, so a pattern that stopped matching anything fails too.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const POLICY = 'packages/core/src/policy.ts';

interface Shape {
  rule: string;
  pattern: RegExp;
  /** Files besides policy.ts that may hold the shape, each with the reason it is not a rule there. */
  allowed?: Record<string, string>;
}

const SHAPES: Shape[] = [
  {
    rule: 'an unlisted category is denied',
    pattern: /\.categories(?:\s+as\s+[^)]+\))?\.includes\(/,
  },
  {
    rule: 'GPC holds targeting',
    pattern: /globalPrivacyControl|\.targeting\s*=\s*false|targeting:\s*false\s*}/,
  },
  {
    rule: 'a vendor follows its category',
    pattern: /\[[\w.]+\]\s*=[^;\n]*\bchoices\[[\w.]+\.category\]/,
    allowed: { 'packages/core/src/codec.ts': 'the cookie stores a switch only where it differs from its category: decoding that is encoding' },
  },
  {
    rule: 'only listed vendors run',
    pattern: /hasOwn(?:Property\.call)?\([\w.]*vendors\b|\bin\s+[\w.]*config\.vendors\b/,
  },
  {
    rule: 'the refusal lifetime',
    pattern: /refusalExpiresDays/,
    allowed: {
      'packages/core/src/config.ts': 'validates the key and sets its default',
      'packages/core/src/types.ts': 'declares the key',
      'packages/assembly/src/readers.ts': 'the inert engine\'s literal resolved config (a required key; it stores nothing)',
    },
  },
  {
    rule: 'a new revision re-asks',
    pattern: /\.revision\s*[!=]==?\s*[\w.]*config\.revision|config\.revision\s*[!=]==?\s*[\w.]+\.revision/,
  },
  {
    rule: 'recipients changed → re-ask',
    pattern: /vendorSet\.split\(/,
  },
  {
    rule: 'the advanced-mode exception',
    pattern: /mode\s*[!=]==\s*['"]advanced['"]|ADVANCED_MODE_VENDORS\.includes\(/,
  },
];

/** Source files of every package, without tests, test helpers, built output or dependencies. */
function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (['node_modules', 'dist', 'test-utils', 'e2e', 'fixtures'].includes(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.(ts|tsx|mts|js|mjs)$/.test(name) && !/\.test\.|\.d\.ts$/.test(name)) out.push(path);
  }
  return out;
}

/** Comments say why a rule exists; only code is searched. */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

const files = readdirSync(join(root, 'packages'))
  .map((p) => join(root, 'packages', p, 'src'))
  .filter((d) => statSync(d, { throwIfNoEntry: false })?.isDirectory())
  .flatMap((d) => sources(d))
  .map((path) => ({ file: relative(root, path), text: code(readFileSync(path, 'utf8')) }));

describe('one policy: no grant rule outside packages/core/src/policy.ts', () => {
  it('reads the sources', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.some((f) => f.file === POLICY)).toBe(true);
  });

  it.each(SHAPES)('$rule: written only in policy.ts', ({ pattern, allowed = {} }) => {
    const found = files
      .filter(({ file, text }) => file !== POLICY && !(file in allowed) && pattern.test(text))
      .map(({ file, text }) => `${file}: ${text.split('\n').find((line) => pattern.test(line))?.trim()}`);
    expect(found, 'call the rule in packages/core/src/policy.ts instead of writing it again').toEqual([]);
  });

  it.each(SHAPES)('$rule: policy.ts has it (the pattern still finds the rule)', ({ pattern }) => {
    expect(files.find((f) => f.file === POLICY)!.text).toMatch(pattern);
  });
});
