import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseTrustedProxies } from './client-address.js';
import type { IpMode } from './ip.js';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  adminToken: string | null;
  allowedOrigins: string[];
  /** Records per minute per client IP; 0 turns the limit off. */
  rateLimit: number;
  signingKeyPath: string;
  storeIp: IpMode;
  /** Purge records older than this many days, on start and daily (default 730); null keeps them. */
  retentionDays: number | null;
  /** Reverse proxies (addresses or CIDR blocks) whose X-Forwarded-For is believed; none by default. */
  trustedProxies: string[];
  /** This writer's chain name; give each instance its own when several share a database. */
  chain: string;
  /** `GET /v1/region`: the edge's country header the operator trusts, and/or a MaxMind-format database file. */
  regionHeader: string | null;
  regionDatabase: string | null;
  /** The Global Vendor List for TCF sites (docs/tcf.md); null: not fetched, `/v1/gvl/*` is 404. */
  gvl: { source: string; languages: string[] } | null;
}

/** Two years: the longest the seed texts keep non-essential cookie data, and so the proof of consent to it. */
export const DEFAULT_RETENTION_DAYS = 730;

export class ServerConfigError extends Error {
  readonly code = 'CONSENTRY_SERVER_CONFIG';
  override name = 'ServerConfigError';
}

type Env = Record<string, string | undefined>;

/**
 * Reads configuration from the environment; a JSON file (`--config` or CONSENTRY_CONFIG) with the
 * same variable names may supply what the environment leaves unset.
 */
export function loadConfig(env: Env = process.env, configFile?: string): ServerConfig {
  const file = configFile ?? env['CONSENTRY_CONFIG'];
  const fromFile: Env = {};
  if (file) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new ServerConfigError(`cannot read config file ${file}: ${(error as Error).message}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new ServerConfigError(`config file ${file} must hold a JSON object of variable names`);
    }
    for (const [k, v] of Object.entries(parsed)) fromFile[k] = v === null || v === undefined ? undefined : String(v);
  }
  const get = (name: string): string | undefined => {
    const v = env[name] ?? fromFile[name];
    return v === undefined || v === '' ? undefined : v;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = get(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new ServerConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
    return n;
  };

  const dataDir = resolve(get('CONSENTRY_DATA_DIR') ?? './consentry-data');
  const databaseUrl = get('DATABASE_URL') ?? null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ServerConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const storeIp = get('CONSENTRY_STORE_IP') ?? 'truncated';
  if (storeIp !== 'truncated' && storeIp !== 'none') {
    throw new ServerConfigError(`CONSENTRY_STORE_IP must be "truncated" or "none", got "${storeIp}"`);
  }
  const chain = get('CONSENTRY_CHAIN') ?? 'main';
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(chain)) throw new ServerConfigError('CONSENTRY_CHAIN must be 1-64 letters, digits, dot, dash or underscore');
  const adminToken = get('CONSENTRY_ADMIN_TOKEN') ?? null;
  if (adminToken !== null && adminToken.length < 16) {
    throw new ServerConfigError('CONSENTRY_ADMIN_TOKEN must be at least 16 characters');
  }
  const retention = int('CONSENTRY_RETENTION_DAYS', DEFAULT_RETENTION_DAYS, 0, 36_500);
  if (get('CONSENTRY_TRUST_PROXY') !== undefined) {
    throw new ServerConfigError(
      'CONSENTRY_TRUST_PROXY is replaced by CONSENTRY_TRUSTED_PROXIES: list the addresses or CIDR blocks of your reverse proxies, e.g. CONSENTRY_TRUSTED_PROXIES=10.0.0.5,10.1.0.0/16',
    );
  }
  const trustedProxies = (get('CONSENTRY_TRUSTED_PROXIES') ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  try {
    parseTrustedProxies(trustedProxies);
  } catch (error) {
    throw new ServerConfigError(`CONSENTRY_TRUSTED_PROXIES: ${(error as Error).message}`);
  }

  const regionHeader = get('CONSENTRY_REGION_HEADER');
  if (regionHeader !== undefined && !/^[A-Za-z0-9-]{1,64}$/.test(regionHeader)) {
    throw new ServerConfigError(`CONSENTRY_REGION_HEADER must be a header name like CF-IPCountry, CloudFront-Viewer-Country, X-Vercel-IP-Country or X-Country-Code, got "${regionHeader}"`);
  }
  const gvlOn = get('CONSENTRY_GVL') ?? 'off';
  if (gvlOn !== 'on' && gvlOn !== 'off') throw new ServerConfigError(`CONSENTRY_GVL must be "on" or "off", got "${gvlOn}"`);
  const gvlSource = get('CONSENTRY_GVL_SOURCE') ?? 'https://vendor-list.consensu.org/v3/';
  if (!/^https?:\/\/\S+\/$/.test(gvlSource)) throw new ServerConfigError('CONSENTRY_GVL_SOURCE must be a URL ending in /, like https://vendor-list.consensu.org/v3/');
  const gvlLanguages = (get('CONSENTRY_GVL_LANGUAGES') ?? 'lv,ru,et,lt,de,fr,es,pl').split(',').map((l) => l.trim().toLowerCase()).filter(Boolean);
  const badLanguage = gvlLanguages.find((l) => !/^[a-z]{2}(-[a-z]{2,4})?$/.test(l));
  if (badLanguage) throw new ServerConfigError(`CONSENTRY_GVL_LANGUAGES: "${badLanguage}" is not a language code like lv`);

  return {
    gvl: gvlOn === 'on' ? { source: gvlSource, languages: gvlLanguages } : null,
    port: int('PORT', 8787, 0, 65535),
    host: get('HOST') ?? '127.0.0.1',
    dataDir,
    databaseUrl,
    adminToken,
    allowedOrigins: (get('CONSENTRY_ALLOWED_ORIGINS') ?? '')
      .split(',')
      .map((o) => o.trim().replace(/\/+$/, ''))
      .filter(Boolean),
    rateLimit: int('CONSENTRY_RATE_LIMIT', 60, 0, 1_000_000),
    signingKeyPath: resolve(get('CONSENTRY_SIGNING_KEY') ?? join(dataDir, 'signing-key.pem')),
    storeIp,
    retentionDays: retention === 0 ? null : retention,
    trustedProxies,
    chain,
    regionHeader: regionHeader ?? null,
    regionDatabase: get('CONSENTRY_REGION_DATABASE') ? resolve(get('CONSENTRY_REGION_DATABASE')!) : null,
  };
}
