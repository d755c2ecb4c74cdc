// Load benchmark for the consent server: autocannon on loopback against the real, built server
// (child process, durable writes). Reports max records/s with p50/p99, and latency at a fixed
// 1,000 records/s, for SQLite and (when reachable) PostgreSQL. Bounded: about a minute per storage.
//
//   pnpm bench:server                      # both storages, defaults
//   BENCH_SECONDS=5 node packages/server/bench/bench.mjs
//   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/test ...
//   BENCH_STORAGE=sqlite|postgres    # only one of them
import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

const here = fileURLToPath(new URL('..', import.meta.url));
const bin = join(here, 'bin', 'consentry-server.mjs');
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 64);
const only = process.env.BENCH_STORAGE; // 'sqlite' | 'postgres' | undefined (both)
const pgCandidates = [process.env.BENCH_PG_URL, 'postgres://postgres@127.0.0.1:5432/test', 'postgres://root@127.0.0.1:5432/test'].filter(Boolean);

function startServer(env) {
  const child = spawn(process.execPath, [bin, 'serve'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', CONSENTRY_RATE_LIMIT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk) => {
      out += chunk;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve({ child, url: m[1] });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

// The notice the benchmark's visitors "saw"; registered before the runs, as a deployed site would be.
const notice = { language: 'en', texts: { 'banner.title': 'We use cookies', 'banner.acceptAll': 'Accept all', 'banner.rejectAll': 'Reject all' } };
const noticeHash = createHash('sha256').update(JSON.stringify({ language: notice.language, texts: Object.fromEntries(Object.entries(notice.texts).sort()) })).digest('hex');

const fields = {
  schema: 'consentry.record/1',
  recordId: '',
  consentId: '',
  timestamp: '2026-11-23T10:00:00.000Z',
  site: 'www.example.com',
  url: 'https://www.example.com/pricing',
  revision: 1,
  language: 'en',
  noticeHash,
  choices: { necessary: true, functional: false, statistics: true, targeting: false },
  vendors: { 'google-analytics': true, 'meta-pixel': false },
  method: 'custom',
  source: 'banner',
  gpc: false,
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
};
// Split the JSON around the two ids once, so the load generator (sharing the CPUs) spends little per request.
const [head, rest] = JSON.stringify({ ...fields, recordId: '@R', consentId: '@C' }).split('@R');
const [middle, tail] = rest.split('@C');
const body = () => head + randomUUID() + middle + randomUUID() + tail;

function load(url, options) {
  return autocannon({
    url,
    connections,
    duration: seconds,
    ...options,
    requests: [
      {
        method: 'POST',
        path: '/v1/consents',
        headers: { 'content-type': 'application/json' },
        // Every request is a new record (a replay would only be an index lookup).
        setupRequest: (req) => ({ ...req, body: body() }),
      },
    ],
  });
}

const summary = (r) => ({
  rps: Math.round(r.requests.average),
  p50: r.latency.p50,
  p99: r.latency.p99,
  created: r['2xx'],
  other: r.non2xx + r.errors + r.timeouts,
});

async function benchStorage(name, env) {
  const { child, url } = await startServer(env);
  try {
    const reg = await fetch(`${url}/v1/notices`, { method: 'POST', body: JSON.stringify({ noticeHash, ...notice }) });
    if (!reg.ok) throw new Error(`notice registration failed: ${reg.status} ${await reg.text()}`);
    await load(url, { duration: 2 }); // warm-up: JIT, page cache, WAL
    const max = summary(await load(url, {}));
    const fixed = summary(await load(url, { overallRate: 1000, connections: 32 }));
    return { name, max, fixed };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

async function findPostgres() {
  for (const url of pgCandidates) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      return url;
    } catch {
      // next
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  return null;
}

execFileSync(process.execPath, ['build.mjs', '--quiet', '--no-types'], { cwd: here, stdio: 'inherit' });
const results = [];
const loadBefore = loadavg()[0].toFixed(2);
const tmp = mkdtempSync(join(tmpdir(), 'consentry-bench-'));
try {
  if (only !== 'postgres') {
  results.push(await benchStorage('SQLite (WAL, synchronous=FULL)', { CONSENTRY_DATA_DIR: join(tmp, 'sqlite') }));
  const verify = execFileSync(process.execPath, [bin, 'verify'], { env: { ...process.env, CONSENTRY_DATA_DIR: join(tmp, 'sqlite') } }).toString().trim();
  console.log(`sqlite chain after the run: ${verify}`);
  }

  const pgUrl = only === 'sqlite' ? null : await findPostgres();
  if (pgUrl) {
    const schema = `consentry_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    try {
      const u = new URL(pgUrl);
      u.searchParams.set('options', `-c search_path=${schema}`);
      const env = { CONSENTRY_DATA_DIR: join(tmp, 'pg'), DATABASE_URL: u.toString() };
      results.push(await benchStorage('PostgreSQL 15 (synchronous_commit=on)', env));
      console.log(`postgres chain after the run: ${execFileSync(process.execPath, [bin, 'verify'], { env: { ...process.env, ...env } }).toString().trim()}`);
    } finally {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  } else if (only !== 'sqlite') {
    console.warn('!! PostgreSQL not reachable: PostgreSQL benchmark skipped');
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const lines = [
  `Node ${process.version}, ${cpus().length} CPU(s) (${cpus()[0]?.model ?? 'unknown'}), autocannon ${connections} connections (32 for the fixed rate), ${seconds} s per run, loopback; 1-min load average ${loadBefore} before, ${loadavg()[0].toFixed(2)} after.`,
  '',
  '| storage | max records/s | p50 ms | p99 ms | p50 ms @ 1,000/s | p99 ms @ 1,000/s | achieved /s @ 1,000/s | non-2xx+errors |',
  '|---|---:|---:|---:|---:|---:|---:|---:|',
  ...results.map(
    (r) =>
      `| ${r.name} | ${r.max.rps} | ${r.max.p50} | ${r.max.p99} | ${r.fixed.p50} | ${r.fixed.p99} | ${r.fixed.rps} | ${r.max.other + r.fixed.other} |`,
  ),
];
console.log(`\n${lines.join('\n')}`);
