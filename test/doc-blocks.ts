// Extracts the code blocks of the docs and package READMEs so a test can type-check or run them:
// a doc example that no longer compiles is a bug a reader meets first.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface DocBlock {
  /** `docs/react.md:42` — where the block's first code line is. */
  where: string;
  lang: string;
  code: string;
  /** Set by `<!-- doc-check: skip <reason> -->` right before the fence. */
  skip?: string;
  /** Set by `<!-- doc-check: prelude <code> -->`: hidden lines a fragment needs (its imports). */
  prelude?: string;
}

const FENCE = /^(\s*)```(\S*)\s*$/;
const SKIP = /<!--\s*doc-check:\s*skip\s+(.+?)\s*-->/;
const PRELUDE = /<!--\s*doc-check:\s*prelude\s+([\s\S]+?)\s*-->/;

export function extractBlocks(file: string, rootDir: string): DocBlock[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const blocks: DocBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const lang = open[2]!;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^\s*```\s*$/.test(lines[end]!)) end++;
    // A marker is the comment line right above the fence (a blank line between is allowed).
    let j = i - 1;
    while (j >= 0 && lines[j]!.trim() === '') j--;
    const prev = j >= 0 ? lines[j]! : '';
    const skip = SKIP.exec(prev)?.[1];
    const prelude = PRELUDE.exec(prev)?.[1];
    const code = lines.slice(start, end).map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length))).join('\n');
    blocks.push({ where: `${relative(rootDir, file)}:${start + 1}`, lang, code, ...(skip ? { skip } : {}), ...(prelude ? { prelude } : {}) });
    i = end;
  }
  return blocks;
}

/** Every markdown file a user reads: docs/ and each package's README. */
export function docFiles(rootDir: string): string[] {
  const docs = readdirSync(join(rootDir, 'docs')).filter((f) => f.endsWith('.md')).map((f) => join(rootDir, 'docs', f));
  const pkgs = join(rootDir, 'packages');
  const readmes = readdirSync(pkgs)
    .map((d) => join(pkgs, d, 'README.md'))
    .filter((f) => existsSync(f));
  return [...docs, ...readmes, join(rootDir, 'README.md')];
}
