#!/usr/bin/env node
// Runs the built CLI (dist/cli.js). In the workspace, build first: pnpm --filter @consentry/scanner build
let cli;
try {
  cli = await import('../dist/cli.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist')) throw error;
  console.error('consentry: dist/cli.js is missing; run `pnpm --filter @consentry/scanner build` first.');
  process.exit(2);
}
process.exitCode = await cli.main(process.argv.slice(2));
