// `pnpm start`: builds everything, starts the consent server on its embedded SQLite default and
// serves the demo site (examples/plain-html) with the script-tag build. Ctrl+C stops both.
import { spawn, spawnSync } from 'node:child_process';
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
const site = createDemoSite(roots, SERVER_PORT);
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
