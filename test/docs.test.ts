// Every code block in docs/ and the package READMEs compiles (TypeScript, strict) or parses (JSON),
// against the workspace's real packages, so an example cannot rot silently.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../packages/core/src/index.js';
import { validateRecord } from '../packages/protocol/src/index.js';
import { catalog, toCatalogLookup } from '../packages/vendors/src/index.js';
import { docFiles, extractBlocks, type DocBlock } from './doc-blocks.js';

const root = join(import.meta.dirname, '..');
const blocks = docFiles(root).flatMap((f) => extractBlocks(f, root));
const code = blocks.filter((b) => ['ts', 'tsx', 'js', 'jsx', 'mjs'].includes(b.lang) && !b.skip);
const json = blocks.filter((b) => b.lang === 'json' && !b.skip);

// Names the examples use without defining: the reader's own app. Declared, never implemented,
// so an example that misuses our API still fails.
const PRELUDE = `
import type { ConsentConfig } from '@consentry/core';
declare global {
  const config: ConsentConfig;
  const App: () => import('react').JSX.Element;
  const AnalyticsBeacon: () => import('react').JSX.Element;
  const request: Request;
  /** The script tag's global (docs/api.md). */
  const Consentry: import('@consentry/browser').ConsentryApi;
  function stopMyRecordingWidget(): void;
}
export {};
`;

// Ambient modules must live in a file that is not itself a module.
const NEXT = `
// The few Next.js APIs the Next.js guide uses, as Next.js types them.
declare module 'next/headers' {
  export function cookies(): Promise<{ get(name: string): { name: string; value: string } | undefined }>;
  export function headers(): Promise<{ get(name: string): string | null }>;
}
declare module 'next/script' {
  const Script: (props: { src: string; strategy?: 'beforeInteractive' | 'afterInteractive' | 'lazyOnload' }) => null;
  export default Script;
}
`;

const reactTypes = join(root, 'node_modules/.pnpm/node_modules/@types');

function compile(items: DocBlock[]): string[] {
  const dir = join(root, '.tmp', 'doc-blocks');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const names = new Map<string, DocBlock>();
  writeFileSync(join(dir, 'prelude.d.ts'), PRELUDE);
  writeFileSync(join(dir, 'next.d.ts'), NEXT);
  items.forEach((b, i) => {
    const ext = b.lang === 'tsx' || b.lang === 'jsx' || /<[A-Z][\w.]*[\s>]/.test(b.code) ? 'tsx' : 'ts';
    // A block that starts with its file name (`// app/consent.tsx`) is that file of the reader's
    // app, so the page's other blocks can import it; each page gets its own folder.
    const page = b.where.split(':')[0]!.replace(/[^\w]+/g, '_');
    const named = /^\/\/\s*(?:file:\s*)?([\w./-]+\.(?:tsx?|jsx?|mjs))\b/.exec(b.code)?.[1];
    const name = join(dir, page, named ?? `block-${i}.${ext}`);
    mkdirSync(dirname(name), { recursive: true });
    // Each block is its own module; `export {}` keeps script-style blocks from sharing globals.
    writeFileSync(name, `${b.prelude ?? ''}\n${b.code}\nexport {};\n`);
    names.set(name, b);
  });
  const paths: Record<string, string[]> = { '@consentry/*': [join(root, 'packages/*/src/index.ts')] };
  for (const m of ['react', 'react-dom']) paths[m] = [join(reactTypes, m)], paths[`${m}/*`] = [join(reactTypes, m, '*')];
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    jsx: ts.JsxEmit.ReactJSX,
    jsxImportSource: 'react',
    allowJs: true,
    checkJs: false,
    resolveJsonModule: true,
    types: ['node'],
    typeRoots: [join(root, 'node_modules/@types')],
    paths,
  };
  const program = ts.createProgram([join(dir, 'prelude.d.ts'), join(dir, 'next.d.ts'), ...names.keys()], options);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && names.has(d.file.fileName))
    .map((d) => {
      const b = names.get(d.file!.fileName)!;
      const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
      const [file, first] = b.where.split(':');
      return `${file}:${Number(first) + line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
}

describe('documentation code blocks', () => {
  it('finds the examples', () => {
    expect(code.length).toBeGreaterThan(10);
  });

  it('every TypeScript/JavaScript example type-checks strictly against the real packages', () => {
    expect(compile(code)).toEqual([]);
  }, 120_000);

  it('docs/react.md lists every ConsentProvider prop', () => {
    const file = join(root, 'packages/react/src/consent-provider.ts');
    const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    const props: string[] = [];
    src.forEachChild((node) => {
      if (ts.isInterfaceDeclaration(node) && node.name.text === 'ConsentProviderProps') {
        for (const m of node.members) if (m.name && ts.isIdentifier(m.name)) props.push(m.name.text);
      }
    });
    expect(props.length).toBeGreaterThan(3);
    const doc = readFileSync(join(root, 'docs/react.md'), 'utf8');
    const documented = [...doc.matchAll(/^\| `(\w+)\??`/gm)].map((m) => m[1]);
    expect(props.filter((p) => p !== 'children' && !documented.includes(p))).toEqual([]);
  });

  it.each(json.map((b) => [b.where, b] as const))('%s is valid JSON', (_where, b) => {
    const value: unknown = JSON.parse(b.code);
    if (!value || typeof value !== 'object') return;
    // A proof record shown in the docs must be one the server accepts; a whole config, one the
    // engine accepts.
    if ('schema' in value && 'recordId' in value) expect(validateRecord(value)).toMatchObject({ ok: true });
    else if ('revision' in value) expect(() => resolveConfig(value, toCatalogLookup(catalog))).not.toThrow();
  });
});
