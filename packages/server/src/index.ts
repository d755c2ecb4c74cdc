export { createApp, MAX_NOTICE_BYTES, type AppOptions, type AppEnv } from './app.js';
export { createServer, startServer, openStorage, type ConsentryServer, type RunningServer } from './server.js';
export { loadConfig, ServerConfigError, type ServerConfig } from './config.js';
export { main } from './cli.js';
export { createSqliteStorage, type SqliteStorageOptions } from './storage/sqlite.js';
export { createPostgresStorage, type PostgresStorageOptions } from './storage/postgres.js';
export type {
  StorageAdapter,
  StoredRow,
  ChainHead,
  AppendInput,
  AppendOutcome,
  Sealer,
  StoredNotice,
  PublicKeyRow,
  RangeQuery,
} from './storage/types.js';
export { loadOrCreateSigningKey, rotateSigningKey, keyIdOf, publicKeyFromRaw, type SigningKey } from './keys.js';
export { createSealer, toReceipt, toSealedRecord } from './seal.js';
export { verifyStorage, describeVerifyResult, type VerifyResult } from './verify.js';
export { createGvlCache, checkVendorList, IAB_GVL_SOURCE, type GvlCache, type GvlCacheOptions, type GvlFile } from './gvl.js';
export { minimiseIp, type IpMode } from './ip.js';
