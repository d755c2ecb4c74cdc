import { parseArgs } from 'node:util';
import { loadConfig, ServerConfigError } from './config.js';
import { loadOrCreateSigningKey, rotateSigningKey } from './keys.js';
import { openStorage, startServer } from './server.js';
import { describeVerifyResult, verifyStorage } from './verify.js';
import { defaultGuardDir } from './console/delivery.js';
import { publishOut } from './console/publish-out.js';

const USAGE = `usage: consentry-server <command> [--config file.json]

commands:
  serve                      run the HTTP server (PORT, HOST, CONSENTRY_DATA_DIR, DATABASE_URL, ...)
  verify                     walk the hash chain(s); exit 1 naming the first record that does not verify
  purge --older-than <age>   delete records received before <age> ago (30d, 12h) or before an ISO date
  keys [list|rotate]         print the public signing keys, or generate a new active key
  publish --out DIR [--site id]  write each site's published guard (as /s/<site>/ serves it) for a CDN

See docs/server.md for every environment variable.`;

/** `30d`, `12h`, `90m` ago, or an ISO date; returns the ISO cutoff or null. */
export function parseOlderThan(value: string, now = Date.now()): string | null {
  const rel = /^(\d+)([dhm])$/.exec(value);
  if (rel) {
    const unit = { d: 86_400_000, h: 3_600_000, m: 60_000 }[rel[2] as 'd' | 'h' | 'm'];
    return new Date(now - Number(rel[1]) * unit).toISOString();
  }
  const ms = /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** Runs one CLI command; resolves to the process exit code (serve resolves once listening). */
export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { config: { type: 'string' }, 'older-than': { type: 'string' }, out: { type: 'string' }, site: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    console.error((error as Error).message);
    console.error(USAGE);
    return 2;
  }
  const [command, sub] = parsed.positionals;
  if (parsed.values.help || !command) {
    console.log(USAGE);
    return command || parsed.values.help ? 0 : 2;
  }
  try {
    const config = loadConfig(process.env, parsed.values.config);
    switch (command) {
      case 'serve': {
        const server = await startServer(config);
        console.log(`[consentry-server] listening on ${server.url} (${server.storage.kind}, key ${server.signingKey.keyId}, chain ${config.chain})`);
        let stopping = false;
        const stop = (signal: string) => {
          if (stopping) return;
          stopping = true;
          console.log(`[consentry-server] ${signal}: finishing in-flight requests (up to 10 s)`);
          server.close().then(
            () => process.exit(0),
            () => process.exit(1),
          );
        };
        process.once('SIGTERM', () => stop('SIGTERM'));
        process.once('SIGINT', () => stop('SIGINT'));
        return 0;
      }
      case 'verify':
      case 'purge': {
        const storage = openStorage(config);
        try {
          await storage.migrate();
          if (command === 'verify') {
            const result = await verifyStorage(storage);
            (result.ok ? console.log : console.error)(describeVerifyResult(result));
            return result.ok ? 0 : 1;
          }
          const cutoff = parsed.values['older-than'] ? parseOlderThan(parsed.values['older-than']) : null;
          if (!cutoff) {
            console.error('purge needs --older-than <N>d|<N>h|<N>m or an ISO date, e.g. --older-than 395d');
            return 2;
          }
          const removed = await storage.purge(cutoff);
          console.log(`purged ${removed} records received before ${cutoff}`);
          return 0;
        } finally {
          await storage.close();
        }
      }
      case 'keys': {
        if (sub === 'rotate') {
          const { retired, current } = rotateSigningKey(config.signingKeyPath);
          const storage = openStorage(config);
          try {
            await storage.migrate();
            await storage.putPublicKey({ keyId: current.keyId, publicKey: current.publicKeyRaw, createdAt: new Date().toISOString() });
          } finally {
            await storage.close();
          }
          console.log(`new signing key ${current.keyId}${retired ? `; retired ${retired.keyId} (kept for verification)` : ''}; restart the server to use it`);
          return 0;
        }
        if (sub !== undefined && sub !== 'list') {
          console.error(`unknown keys command "${sub}"; use list or rotate`);
          return 2;
        }
        const active = loadOrCreateSigningKey(config.signingKeyPath);
        const storage = openStorage(config);
        try {
          await storage.migrate();
          const keys = await storage.publicKeys();
          const all = keys.some((k) => k.keyId === active.keyId) ? keys : [...keys, { keyId: active.keyId, publicKey: active.publicKeyRaw, createdAt: '' }];
          for (const k of all) console.log(`${k.keyId}\t${k.publicKey}\t${k.keyId === active.keyId ? 'active' : 'retired'}`);
        } finally {
          await storage.close();
        }
        return 0;
      }
      case 'publish': {
        if (!parsed.values.out) {
          console.error('publish needs --out DIR');
          return 2;
        }
        const guardDir = defaultGuardDir();
        if (!guardDir) {
          console.error('the script-tag build (consentry.min.js) was not found; run pnpm build or set CONSENTRY_GUARD_DIR');
          return 1;
        }
        const storage = openStorage(config);
        try {
          await storage.migrate();
          const written = await publishOut(storage, guardDir, parsed.values.out, parsed.values.site);
          for (const f of written) console.log(f);
          if (written.length === 0) console.error('no published site versions to write');
          return written.length ? 0 : 1;
        } finally {
          await storage.close();
        }
      }
      default:
        console.error(`unknown command "${command}"\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof ServerConfigError) {
      console.error(`[consentry-server] configuration error: ${error.message}`);
      return 2;
    }
    console.error('[consentry-server]', error instanceof Error ? error.message : error);
    return 1;
  }
}
