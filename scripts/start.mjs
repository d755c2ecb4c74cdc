// `pnpm start`: builds everything, starts the consent server on its embedded SQLite default and
// serves the demo site (examples/plain-html) with the script-tag build. Ctrl+C stops both.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createDemoSite } from './demo-site.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const SITE_PORT = Number(process.env.DEMO_PORT ?? 8080);
const SERVER_PORT = Number(process.env.PORT ?? 8787);
const DATA_DIR = resolve(process.env.CONSENTRY_DATA_DIR ?? join(ROOT, 'consentry-data'));
const ADMIN_TOKEN = process.env.CONSENTRY_ADMIN_TOKEN ?? 'demo-admin-token';

if (process.env.SKIP_BUILD !== '1') {
  const built = spawnSync('pnpm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const origins = [`http://127.0.0.1:${SITE_PORT}`, `http://localhost:${SITE_PORT}`];
const server = spawn(process.execPath, [join(ROOT, 'packages/server/bin/consentry-server.mjs'), 'serve'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(SERVER_PORT),
    CONSENTRY_DATA_DIR: DATA_DIR,
    CONSENTRY_ADMIN_TOKEN: ADMIN_TOKEN,
    CONSENTRY_ALLOWED_ORIGINS: process.env.CONSENTRY_ALLOWED_ORIGINS ?? origins.join(','),
  },
});
server.on('exit', (code) => {
  console.error(`consent server exited (${code})`);
  process.exit(code ?? 1);
});

// The demo site first, then the script-tag build (consentry.min.js, i18n/, lazy chunks).
const roots = [join(ROOT, 'examples/plain-html'), join(ROOT, 'packages/browser/dist')];
// DEMO_CSP=1: the per-visitor CSP header of the network wall (docs/service-worker.md), from the demo's
// own config; the consent server is the one other origin the pages talk to.
let csp = null;
if (process.env.DEMO_CSP === '1') {
  // The workspace packages export their TypeScript sources: bundled once for Node here.
  const { build } = await import('esbuild');
  const out = await build({ entryPoints: [join(ROOT, 'packages/network-wall/src/index.ts')], bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'error' });
  const { cspMiddleware } = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].contents).toString('base64')}`);
  const html = readFileSync(join(ROOT, 'examples/plain-html/index.html'), 'utf8');
  const config = JSON.parse(/<script type="application\/json" id="consentry-config">([^]*?)<\/script>/.exec(html)[1]);
  csp = cspMiddleware(config, { allow: [`127.0.0.1:${SERVER_PORT}`] });
}
const site = createDemoSite(roots, SERVER_PORT, csp);
site.listen(SITE_PORT, '127.0.0.1', () => {
  const db = process.env.DATABASE_URL ? `PostgreSQL (${process.env.DATABASE_URL.replace(/\/\/[^@]*@/, '//***@')})` : `SQLite in ${DATA_DIR}`;
  console.log(`
  Consentry demo
  ──────────────
  Demo site:       http://127.0.0.1:${SITE_PORT}/
  Consent server:  http://127.0.0.1:${SERVER_PORT}/healthz   (storage: ${db})
  Proofs:          curl -H 'authorization: Bearer ${ADMIN_TOKEN}' 'http://127.0.0.1:${SERVER_PORT}/v1/export?format=ndjson'
  Verify chain:    CONSENTRY_DATA_DIR=${DATA_DIR} node packages/server/bin/consentry-server.mjs verify
  Stop:            Ctrl+C
`);
});
const stop = () => {
  server.kill('SIGTERM');
  site.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
