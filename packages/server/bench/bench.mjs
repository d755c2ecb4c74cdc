// Load benchmark for the consent server: autocannon on loopback against the real, built server
// (child processes, durable writes). Reports max records/s with p50/p99, latency at a fixed
// 1,000 records/s, the server's CPU profile (top frames by self time), for SQLite and (when
// reachable) PostgreSQL; then N instances on one PostgreSQL against one. Every figure comes with
// the 1-minute load average around it, because this machine is shared.
//
//   pnpm bench:server                      # both storages, defaults
//   BENCH_SECONDS=5 node packages/server/bench/bench.mjs
//   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/test ...
//   BENCH_STORAGE=sqlite|postgres    # only one of them
//   BENCH_BASELINE=/path/to/other/packages/server   # also run another build after this one (before/after)
//   BENCH_BASELINE_FIRST=1           # ... before this one instead
//   BENCH_INSTANCES=3                # PostgreSQL scale-out run (0 = skip)
import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { topFrames } from './profile.mjs';

const here = fileURLToPath(new URL('..', import.meta.url));
const builds = [{ label: 'this build', bin: join(here, 'bin', 'consentry-server.mjs') }];
if (process.env.BENCH_BASELINE) builds.push({ label: 'baseline', bin: join(process.env.BENCH_BASELINE, 'bin', 'consentry-server.mjs') });
const bin = builds[0].bin; // verify always runs with this build (it reads older builds' records too)
if (process.env.BENCH_BASELINE_FIRST === '1') builds.reverse(); // to see whether run order matters
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 64);
const instances = Number(process.env.BENCH_INSTANCES ?? 3);
const only = process.env.BENCH_STORAGE; // 'sqlite' | 'postgres' | undefined (both)
const pgCandidates = [process.env.BENCH_PG_URL, 'postgres://postgres@127.0.0.1:5432/test', 'postgres://root@127.0.0.1:5432/test'].filter(Boolean);
const load1 = () => loadavg()[0].toFixed(1);

function startServer(env, serverBin = bin, profileDir = null) {
  const args = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, serverBin, 'serve'] : [serverBin, 'serve'];
  const child = spawn(process.execPath, args, {
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
    connections: Array.isArray(url) ? Math.ceil(connections / url.length) * url.length : connections,
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

/** CPU time (user + system, ms) a process has used so far, from /proc; null where there is none. */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime in 1/100 s ticks
  } catch {
    return null;
  }
}

const summary = (r, loadBefore, cpu) => ({
  // Server CPU per acknowledged record: what the load average cannot take away.
  cpuUs: cpu === null || !r['2xx'] ? null : Math.round((cpu * 1000) / r['2xx']),
  rps: Math.round(r.requests.average),
  p50: r.latency.p50,
  p99: r.latency.p99,
  created: r['2xx'],
  other: r.non2xx + r.errors + r.timeouts,
  load: `${loadBefore}→${load1()}`,
});

async function measure(url, options, pids = []) {
  const before = load1();
  const cpu0 = pids.map(cpuMs);
  const result = await load(url, options);
  const cpu = pids.length && cpu0.every((c) => c !== null) ? pids.reduce((sum, pid, i) => sum + (cpuMs(pid) ?? NaN) - cpu0[i], 0) : null;
  return summary(result, before, Number.isNaN(cpu) ? null : cpu);
}

const stop = async (child) => {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
};

async function registerNotice(url) {
  const reg = await fetch(`${url}/v1/notices`, { method: 'POST', body: JSON.stringify({ noticeHash, ...notice }) });
  if (!reg.ok) throw new Error(`notice registration failed: ${reg.status} ${await reg.text()}`);
}

async function benchStorage(name, env, build, profile) {
  const profileDir = profile ? mkdtempSync(join(tmpdir(), 'consentry-prof-')) : null;
  const { child, url } = await startServer(env, build.bin, profileDir);
  try {
    await registerNotice(url);
    await load(url, { duration: 2 }); // warm-up: JIT, page cache, WAL
    const max = await measure(url, {}, [child.pid]);
    const fixed = await measure(url, { overallRate: 1000, connections: 32 }, [child.pid]);
    return { name, build: build.label, max, fixed, profileDir };
  } finally {
    await stop(child);
  }
}

function printProfile(name, dir) {
  if (!dir) return;
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return;
  const { busyPct, frames } = topFrames(join(dir, file), 12);
  console.log(`\nCPU profile, ${name} server process (whole run; ${busyPct.toFixed(0)}% of samples busy), top frames by self time:`);
  for (const f of frames) console.log(`  ${f.selfPct.toFixed(1).padStart(5)}%  ${f.frame}`);
  rmSync(dir, { recursive: true, force: true });
}

/** N instances on one PostgreSQL schema, each its own chain, round-robin load; against one instance. */
async function benchScaleOut(pgEnv) {
  const started = [];
  try {
    for (let i = 1; i <= instances; i++) started.push(await startServer({ ...pgEnv, CONSENTRY_CHAIN: `bench-${i}` }));
    const urls = started.map((s) => s.url);
    await registerNotice(urls[0]);
    await load(urls, { duration: 2 });
    return await measure(urls, {}, started.map((s) => s.child.pid));
  } finally {
    for (const s of started) await stop(s.child);
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
const profiles = [];
let scaleOut = null;
const loadBefore = load1();
const tmp = mkdtempSync(join(tmpdir(), 'consentry-bench-'));
const verifyWith = (env) => execFileSync(process.execPath, [bin, 'verify'], { env: { ...process.env, ...env } }).toString().trim();
try {
  if (only !== 'postgres') {
    for (const [i, build] of builds.entries()) {
      const env = { CONSENTRY_DATA_DIR: join(tmp, `sqlite-${i}`) };
      const mine = build.label === 'this build';
      const r = await benchStorage('SQLite (WAL, synchronous=FULL)', env, build, mine);
      results.push(r);
      if (mine) profiles.push(['SQLite', r.profileDir]);
      console.log(`sqlite chain after the ${build.label} run: ${verifyWith(env)}`);
    }
  }

  const pgUrl = only === 'sqlite' ? null : await findPostgres();
  if (pgUrl) {
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    const schemas = [];
    const pgEnv = async (tag) => {
      const schema = `consentry_bench_${process.pid}_${tag}`;
      schemas.push(schema);
      await admin.query(`CREATE SCHEMA ${schema}`);
      const u = new URL(pgUrl);
      u.searchParams.set('options', `-c search_path=${schema}`);
      return { CONSENTRY_DATA_DIR: join(tmp, `pg-${tag}`), DATABASE_URL: u.toString() };
    };
    try {
      for (const [i, build] of builds.entries()) {
        const env = await pgEnv(i);
        const mine = build.label === 'this build';
        const r = await benchStorage('PostgreSQL 15 (synchronous_commit=on)', env, build, mine);
        results.push(r);
        if (mine) profiles.push(['PostgreSQL', r.profileDir]);
        console.log(`postgres chain after the ${build.label} run: ${verifyWith(env)}`);
      }
      if (instances > 1) {
        const env = await pgEnv('scale');
        scaleOut = await benchScaleOut(env);
        console.log(`postgres chains after ${instances} instances: ${verifyWith(env)}`);
      }
    } finally {
      for (const schema of schemas) await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  } else if (only !== 'sqlite') {
    console.warn('!! PostgreSQL not reachable: PostgreSQL benchmark skipped');
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

for (const [name, dir] of profiles) printProfile(name, dir);

const single = results.find((r) => r.build === 'this build' && r.name.startsWith('PostgreSQL'));
const lines = [
  `Node ${process.version}, ${cpus().length} CPU(s) (${cpus()[0]?.model ?? 'unknown'}), autocannon ${connections} connections (32 for the fixed rate), ${seconds} s per run, loopback; 1-min load average ${loadBefore} at the start, ${load1()} at the end (load column: before→after each run).`,
  '',
  '| build | storage | max records/s | p50 ms | p99 ms | server CPU µs/record | load | p50 ms @ 1,000/s | p99 ms @ 1,000/s | achieved /s @ 1,000/s | load | non-2xx+errors |',
  '|---|---|---:|---:|---:|---:|---|---:|---:|---:|---|---:|',
  ...results.map(
    (r) =>
      `| ${r.build} | ${r.name} | ${r.max.rps} | ${r.max.p50} | ${r.max.p99} | ${r.max.cpuUs ?? '–'} | ${r.max.load} | ${r.fixed.p50} | ${r.fixed.p99} | ${r.fixed.rps} | ${r.fixed.load} | ${r.max.other + r.fixed.other} |`,
  ),
];
if (scaleOut) {
  lines.push(
    '',
    `PostgreSQL, ${instances} instances (one chain each) behind round-robin connections: ${scaleOut.rps} records/s, p50 ${scaleOut.p50} ms, p99 ${scaleOut.p99} ms, server CPU ${scaleOut.cpuUs ?? '–'} µs/record (all instances), load ${scaleOut.load}, non-2xx+errors ${scaleOut.other}` +
      (single ? `; one instance in this run: ${single.max.rps} records/s (${(scaleOut.rps / single.max.rps).toFixed(2)}×).` : '.'),
  );
}
console.log(`\n${lines.join('\n')}`);
