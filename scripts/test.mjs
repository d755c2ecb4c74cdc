// The one test command (README, CI): builds what the end-to-end suite loads, runs every
// vitest project with coverage, checks the core coverage floor and prints one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import net from 'node:net';

const run = (cmd, args, env = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
};

async function reachable(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 1500 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

const pg = await reachable('127.0.0.1', 5432);
if (!pg) {
  const banner = '!'.repeat(78);
  const msg = process.env.CONSENTRY_REQUIRE_PG === '1'
    ? 'PostgreSQL is NOT reachable at 127.0.0.1:5432 and CONSENTRY_REQUIRE_PG=1: the PostgreSQL tests will FAIL.'
    : 'PostgreSQL is NOT reachable at 127.0.0.1:5432: the PostgreSQL storage tests are SKIPPED. Start PostgreSQL (or set DATABASE_URL) to run them.';
  console.warn(`\n${banner}\n${msg}\n${banner}\n`);
}
const chromium = existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
if (!chromium) {
  const banner = '!'.repeat(78);
  console.warn(`\n${banner}\nChromium is NOT installed at /usr/bin/chromium: the end-to-end suite is SKIPPED.\nInstall it with: apt-get install -y chromium\n${banner}\n`);
}

// The end-to-end suite and the server's child-process tests load built files.
if (run('pnpm', ['run', 'build']) !== 0) process.exit(1);
// The npm path: a React app built through the workspace packages.
if (run('pnpm', ['--filter', 'example-react-vite', 'run', 'build']) !== 0) process.exit(1);

mkdirSync('.tmp', { recursive: true });
// The local binary, not npx: npm warns about every npm_config_* variable pnpm sets for scripts.
const status = run('node_modules/.bin/vitest', [
  'run', '--coverage',
  '--reporter=default', '--reporter=json', '--outputFile.json=.tmp/vitest-results.json',
]);

let summary = 'tests: results missing';
if (existsSync('.tmp/vitest-results.json')) {
  const r = JSON.parse(readFileSync('.tmp/vitest-results.json', 'utf8'));
  summary = `tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`;
}

// Coverage floor for the engine everything else stands on.
let coverageOk = true;
if (existsSync('coverage/coverage-summary.json')) {
  const cov = JSON.parse(readFileSync('coverage/coverage-summary.json', 'utf8'));
  const perPackage = {};
  for (const [file, data] of Object.entries(cov)) {
    const m = /packages\/([^/]+)\/src\//.exec(file);
    if (!m) continue;
    const p = (perPackage[m[1]] ??= { covered: 0, total: 0 });
    p.covered += data.lines.covered;
    p.total += data.lines.total;
  }
  console.log('\nLine coverage per package:');
  for (const [name, p] of Object.entries(perPackage).sort()) {
    console.log(`  ${name.padEnd(10)} ${((100 * p.covered) / Math.max(1, p.total)).toFixed(1)}% (${p.covered}/${p.total})`);
  }
  const core = perPackage.core;
  if (!core || core.covered / core.total < 0.9) {
    console.error('core line coverage is below 90%');
    coverageOk = false;
  }
}
console.log(`\n${summary}`);
process.exit(status === 0 && coverageOk ? 0 : 1);
