import { mkdirSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createApp, type ConsentryApp } from './app.js';
import { createRequestListener } from './fast-path.js';
import type { ServerConfig } from './config.js';
import { createGvlCache, type GvlCache } from './gvl.js';
import { loadOrCreateSigningKey, type SigningKey } from './keys.js';
import { createPostgresStorage } from './storage/postgres.js';
import { createSqliteStorage } from './storage/sqlite.js';
import type { StorageAdapter } from './storage/types.js';
import { createRegionResolver } from './region.js';

/** SQLite in the data dir by default; PostgreSQL when DATABASE_URL is set. Not yet migrated. */
export function openStorage(config: Pick<ServerConfig, 'dataDir' | 'databaseUrl'>): StorageAdapter {
  if (config.databaseUrl) return createPostgresStorage({ connectionString: config.databaseUrl });
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  return createSqliteStorage({ file: join(config.dataDir, 'consentry.sqlite') });
}

export interface ConsentryServer {
  app: ConsentryApp;
  storage: StorageAdapter;
  signingKey: SigningKey;
  config: ServerConfig;
  /** The vendor list copy, when `CONSENTRY_GVL=on`. */
  gvl: GvlCache | null;
  /** Deletes records older than the retention period, if one is configured. */
  applyRetention(): Promise<number>;
  close(): Promise<void>;
}

/** Opens storage, runs migrations, loads (or creates) the signing key and builds the app. */
export async function createServer(config: ServerConfig): Promise<ConsentryServer> {
  const storage = openStorage(config);
  try {
    await storage.migrate();
    const signingKey = loadOrCreateSigningKey(config.signingKeyPath);
    await storage.putPublicKey({ keyId: signingKey.keyId, publicKey: signingKey.publicKeyRaw, createdAt: new Date().toISOString() });
    const gvl = config.gvl ? createGvlCache({ dir: join(config.dataDir, 'gvl'), source: config.gvl.source, languages: config.gvl.languages }) : null;
    const app = createApp({
      gvl,
      storage,
      signingKey,
      chain: config.chain,
      adminToken: config.adminToken,
      allowedOrigins: config.allowedOrigins,
      rateLimit: config.rateLimit,
      storeIp: config.storeIp,
      trustedProxies: config.trustedProxies,
      retentionDays: config.retentionDays,
      region: createRegionResolver({ header: config.regionHeader, database: config.regionDatabase }),
    });
    return {
      app,
      storage,
      signingKey,
      config,
      gvl,
      async applyRetention() {
        if (config.retentionDays === null) return 0;
        return storage.purge(new Date(Date.now() - config.retentionDays * 86_400_000).toISOString());
      },
      close: () => storage.close(),
    };
  } catch (error) {
    await storage.close().catch(() => undefined);
    throw error;
  }
}

export interface RunningServer extends ConsentryServer {
  url: string;
  port: number;
  /** Stops accepting, lets in-flight requests finish for up to `drainMs` (default 10 s), cuts the rest, closes storage. */
  close(drainMs?: number): Promise<void>;
}

/** createServer + listen on HOST:PORT, with the daily retention sweep and partition upkeep. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const server = await createServer(config);
  // Said on every start: a default that deletes records must never be a surprise.
  console.log(
    config.retentionDays === null
      ? '[consentry-server] retention: off, records are kept (CONSENTRY_RETENTION_DAYS=0)'
      : `[consentry-server] retention: records received more than ${config.retentionDays} days ago are deleted on start and daily (CONSENTRY_RETENTION_DAYS; 0 keeps them)`,
  );
  // Retention never keeps the server from serving: a failed sweep is logged and tried again the
  // next day (records are only ever kept longer, never lost).
  const retention = async () => {
    try {
      const purged = await server.applyRetention();
      if (purged > 0) console.log(`[consentry-server] retention: purged ${purged} records`);
    } catch (error) {
      console.error('[consentry-server] RETENTION FAILED; records past the retention period are kept until it succeeds (tried again in 24 h):', error);
    }
  };
  // The first vendor-list fetch does not hold up the consent routes; TCF pages get 503 until it lands.
  void server.gvl?.start();
  let retentionRun = retention();
  await retentionRun;
  const timer = setInterval(() => {
    server.storage.maintain().catch((error: unknown) => console.error('[consentry-server] storage maintenance failed:', error));
    retentionRun = retention();
  }, 86_400_000);
  timer.unref();
  const http = createHttpServer(createRequestListener(server.app));
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    ...server,
    port,
    url: `http://${host}:${port}`,
    async close(drainMs = 10_000) {
      clearInterval(timer);
      server.gvl?.stop();
      // In-flight requests get `drainMs` to finish; then the stalled ones (a half-sent body can hold
      // a socket for Node's 300 s request timeout) are cut. Their records were never acknowledged.
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeIdleConnections();
      const deadline = setTimeout(() => {
        console.log(`[consentry-server] drain deadline (${drainMs / 1000} s) passed: closing the connections still open`);
        http.closeAllConnections();
      }, drainMs);
      await closed;
      clearTimeout(deadline);
      await retentionRun;
      await server.close();
    },
  };
}
