// Bundles the CLI for plain `node`: our TypeScript plus @consentry/core and @consentry/vendors (which
// ship as TypeScript inside the workspace) into dist/, leaving playwright-core as an import.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
const thirdParty = Object.keys(pkg.dependencies ?? {}).filter((d) => !d.startsWith('@consentry/'));

// Only our files: the workspace build (rollup) puts index.d.ts beside them first.
const dist = join(here, 'dist');
const ours = (f) => /^(cli|index|chunk-[\w-]+)\.js(\.map)?$/.test(f);
if (existsSync(dist)) for (const f of readdirSync(dist).filter(ours)) rmSync(join(dist, f));
await build({
  absWorkingDir: here,
  entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  external: thirdParty.flatMap((d) => [d, `${d}/*`]),
  logLevel: process.argv.includes('--quiet') ? 'warning' : 'info',
});
