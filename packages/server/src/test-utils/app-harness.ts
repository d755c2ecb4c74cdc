import { join } from 'node:path';
import { createApp, type AppOptions } from '../app.js';
import { createSqliteStorage } from '../storage/sqlite.js';
import type { StorageAdapter } from '../storage/types.js';
import { makeSigningKey, tempDir } from './fixtures.js';

export const ADMIN = 'admin-token-0123456789';

/** The bindings @hono/node-server gives a request from a socket at `remoteAddress`. */
export const fromSocket = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress, remotePort: 40000, remoteFamily: remoteAddress.includes(':') ? 'IPv6' : 'IPv4' } } });

/** An app on a fresh SQLite temp file; `close` removes it. */
export async function appOnSqlite(options: Partial<Omit<AppOptions, 'storage' | 'signingKey'>> = {}) {
  const tmp = tempDir();
  const storage: StorageAdapter = createSqliteStorage({ file: join(tmp.dir, 'consentry.sqlite') });
  await storage.migrate();
  const signingKey = makeSigningKey();
  await storage.putPublicKey({ keyId: signingKey.keyId, publicKey: signingKey.publicKeyRaw, createdAt: new Date().toISOString() });
  const app = createApp({ storage, signingKey, adminToken: ADMIN, rateLimit: 0, trustedProxies: ['127.0.0.1'], ...options });
  /** In-process request as if from `remote` (default: the trusted proxy 127.0.0.1). */
  const post = (path: string, body: unknown, headers: Record<string, string> = {}, remote = '127.0.0.1') =>
    app.request(
      path,
      { method: 'POST', body: typeof body === 'string' ? body : body instanceof Uint8Array ? new Uint8Array(body) : JSON.stringify(body), headers },
      fromSocket(remote),
    );
  return {
    app,
    storage,
    signingKey,
    post,
    async close() {
      await storage.close();
      tmp.remove();
    },
  };
}
