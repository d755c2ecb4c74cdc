#!/usr/bin/env node
// consentry-build: checks a site's config ahead of time and writes the compiled guard with it baked in
// (docs/configuration.md "Checked ahead of time"). In the workspace, `pnpm build` first.
import { readFileSync, writeFileSync } from 'node:fs';

const USAGE = `usage: consentry-build <config.json> [--out consentry.site.js] [--json compiled.json]
  Checks the config (every error with its path; exit 1 when there is one) and writes
  --out   the compiled guard with the config baked in; deploy it beside dist/chunks, dist/vendors, dist/i18n
  --json  the compiled config alone, for <script type="application/json" id="consentry-config"> with dist/consentry.compiled.js`;

export async function main(argv) {
  const args = [...argv];
  const take = (flag) => {
    const at = args.indexOf(flag);
    if (at < 0) return undefined;
    const [, value] = args.splice(at, 2);
    if (!value) throw new Error(`${flag} needs a file name`);
    return value;
  };
  let out, json;
  try {
    out = take('--out');
    json = take('--json');
  } catch (error) {
    console.error(`consentry-build: ${error.message}\n${USAGE}`);
    return 2;
  }
  if (args.length !== 1 || args[0].startsWith('-')) {
    console.error(USAGE);
    return 2;
  }
  let input;
  try {
    input = JSON.parse(readFileSync(args[0], 'utf8'));
  } catch (error) {
    console.error(`consentry-build: cannot read ${args[0]} as JSON: ${error.message}`);
    return 1;
  }
  let mod;
  try {
    mod = await import('../dist/compile.mjs');
  } catch {
    console.error('consentry-build: dist/compile.mjs is missing; run `pnpm build` first.');
    return 2;
  }
  try {
    const compiled = mod.compileConfig(input);
    if (json) writeFileSync(json, `${JSON.stringify(compiled)}\n`);
    if (out || !json) {
      const template = readFileSync(new URL('../dist/consentry.compiled.js', import.meta.url), 'utf8');
      writeFileSync(out ?? 'consentry.site.js', mod.bakeGuard(input, template));
    }
    console.log(`consentry-build: ${args[0]} is valid; wrote ${[out || (!json ? 'consentry.site.js' : ''), json].filter(Boolean).join(' and ')}`);
    return 0;
  } catch (error) {
    if (error?.issues) {
      console.error(`consentry-build: ${args[0]} is not a valid Consentry config:`);
      for (const issue of error.issues) console.error(`  ${issue.path || '(root)'}: ${issue.message}`);
      return 1;
    }
    console.error(`consentry-build: ${error?.message ?? error}`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('consentry-build')) process.exitCode = await main(process.argv.slice(2));
