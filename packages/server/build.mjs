// Builds the server for plain `node`: bundles our TypeScript (and @consentry/protocol, which ships
// as TypeScript inside the workspace) into dist/, leaving third-party packages as imports.
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
const thirdParty = Object.keys(pkg.dependencies ?? {}).filter((d) => !d.startsWith('@consentry/'));

rmSync(join(here, 'dist'), { recursive: true, force: true });
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

// The console's browser bundle (Preact), served at /admin/console.js.
await build({
  absWorkingDir: here,
  entryPoints: { 'console-ui': 'src/console/ui/main.tsx' },
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  jsx: 'automatic',
  jsxImportSource: 'preact',
  logLevel: process.argv.includes('--quiet') ? 'warning' : 'info',
});

// Declarations for the published package (publishConfig.types): one bundled index.d.ts that imports
// the shared types from @consentry/protocol (a dependency). Skipped by tests and bench (`--no-types`).
if (!process.argv.includes('--no-types')) {
  const { rollup } = await import('rollup');
  const { dts } = await import('rollup-plugin-dts');
  const bundle = await rollup({
    input: join(here, 'src/index.ts'),
    external: (id) => thirdParty.some((d) => id === d || id.startsWith(`${d}/`)) || id.startsWith('node:'),
    plugins: [dts({ tsconfig: join(here, '../../tsconfig.base.json'), compilerOptions: { noEmit: false } })],
  });
  await bundle.write({ file: join(here, 'dist/index.d.ts'), format: 'es' });
  await bundle.close();
}
