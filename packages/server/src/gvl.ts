import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** IAB's published location of the Global Vendor List v3 (docs/tcf.md). Only servers may fetch it. */
export const IAB_GVL_SOURCE = 'https://vendor-list.consensu.org/v3/';
/** IAB publishes weekly; without a max-age we look again daily, never more often than every 10 minutes. */
const DEFAULT_TTL_S = 86_400;
const MIN_TTL_S = 600;
const MAX_GVL_BYTES = 16 * 1024 * 1024;

export interface GvlCacheOptions {
  /** Folder of IAB's v3 files, ending in `/`; default IAB's own. */
  source?: string;
  /** Where the fetched files are kept, so a restart serves at once without a fetch. */
  dir: string;
  /** Languages of IAB's purpose translations to keep beside the list (`purposes-<lang>.json`). */
  languages?: readonly string[];
  fetch?: typeof fetch;
  now?: () => number;
  log?: (message: string) => void;
  /** Floor of the re-fetch interval in seconds (default 600: IAB blocks abusive fetchers). */
  minTtlSeconds?: number;
}

export interface GvlFile {
  body: Buffer;
  /** Seconds a browser may keep it. */
  maxAge: number;
}

export interface GvlCache {
  /** The version being served, or null before the first successful fetch. */
  version(): number | null;
  /** Fetches the list (and translations) now; keeps serving the old copy when it fails. */
  refresh(): Promise<number>;
  /** Fetches on start and again when IAB's max-age runs out. */
  start(): Promise<void>;
  stop(): void;
  /** `vendor-list.json`, `archives/vendor-list-v<N>.json` or `purposes-<lang>.json`; null if not held. */
  read(name: string): GvlFile | null;
}

class GvlError extends Error {}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;

/** Checks the parts of the v3 schema the CMP relies on; a list that fails is never served. */
export function checkVendorList(json: unknown): number {
  if (!isObj(json)) throw new GvlError('not a JSON object');
  if (json.gvlSpecificationVersion !== 3) throw new GvlError(`gvlSpecificationVersion is ${JSON.stringify(json.gvlSpecificationVersion)}, expected 3`);
  if (!isInt(json.vendorListVersion)) throw new GvlError('vendorListVersion is not a positive whole number');
  if (!isInt(json.tcfPolicyVersion)) throw new GvlError('tcfPolicyVersion is not a positive whole number');
  for (const key of ['purposes', 'specialPurposes', 'features', 'specialFeatures', 'stacks', 'dataCategories', 'vendors']) {
    if (!isObj(json[key])) throw new GvlError(`${key} is missing`);
  }
  for (const [id, v] of Object.entries(json.vendors as Record<string, unknown>)) {
    if (!isObj(v) || v.id !== Number(id) || typeof v.name !== 'string') throw new GvlError(`vendors.${id} is malformed`);
    for (const key of ['purposes', 'legIntPurposes', 'flexiblePurposes', 'specialPurposes', 'features', 'specialFeatures']) {
      if (!Array.isArray(v[key])) throw new GvlError(`vendors.${id}.${key} is not an array`);
    }
  }
  return json.vendorListVersion;
}

function checkTranslation(json: unknown): void {
  if (!isObj(json) || !isObj(json.purposes) || !isObj(json.specialPurposes) || !isObj(json.features) || !isObj(json.specialFeatures)) {
    throw new GvlError('not a purposes translation (purposes, specialPurposes, features, specialFeatures)');
  }
}

const LANG = /^[a-z]{2}(-[a-z]{2,4})?$/;

/**
 * The consent server's copy of the Global Vendor List. IAB forbids browsers to load it from its
 * servers, so the site's visitors get it from here (through the site's own origin); the server
 * fetches compressed, honours `Cache-Control: max-age`, and keeps every version it served so a
 * stored TC string's `getVendorList` can be answered.
 */
export function createGvlCache(options: GvlCacheOptions): GvlCache {
  const source = options.source ?? IAB_GVL_SOURCE;
  const dir = options.dir;
  const languages = (options.languages ?? []).map((l) => l.toLowerCase()).filter((l) => LANG.test(l) && l !== 'en');
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const log = options.log ?? ((m: string) => console.log(`[consentry-server] ${m}`));
  mkdirSync(join(dir, 'archives'), { recursive: true });
  let current: number | null = null;
  let ttl = DEFAULT_TTL_S;
  let timer: NodeJS.Timeout | null = null;
  let fetchedAt = 0;
  const minTtl = options.minTtlSeconds ?? MIN_TTL_S;

  // What a previous run left: served at once, fetched again on schedule.
  try {
    current = checkVendorList(JSON.parse(readFileSync(join(dir, 'vendor-list.json'), 'utf8')));
  } catch {
    current = null;
  }

  const write = (name: string, body: string) => {
    const tmp = join(dir, `.${name.replace(/\//g, '_')}.tmp`);
    writeFileSync(tmp, body);
    renameSync(tmp, join(dir, name)); // atomic: a reader sees the old file or the new one
  };

  const get = async (name: string): Promise<{ json: unknown; body: string; maxAge: number | null }> => {
    const response = await doFetch(source + name, { headers: { accept: 'application/json', 'accept-encoding': 'gzip, deflate, br' }, signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw new GvlError(`${source}${name} answered ${response.status}`);
    const body = await response.text();
    if (body.length > MAX_GVL_BYTES) throw new GvlError(`${source}${name} is larger than ${MAX_GVL_BYTES} bytes`);
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw new GvlError(`${source}${name} is not JSON`);
    }
    const m = /max-age=(\d+)/.exec(response.headers.get('cache-control') ?? '');
    return { json, body, maxAge: m ? Number(m[1]) : null };
  };

  const refresh = async (): Promise<number> => {
    const list = await get('vendor-list.json');
    const version = checkVendorList(list.json);
    if (current !== null && version < current) throw new GvlError(`${source} served version ${version}, older than the ${current} already held`);
    // Translations first, so a list is never served without the texts it names.
    for (const lang of languages) {
      try {
        const t = await get(`purposes-${lang}.json`);
        checkTranslation(t.json);
        write(`purposes-${lang}.json`, t.body);
      } catch (error) {
        log(`GVL: purposes-${lang}.json not refreshed (${(error as Error).message}); the TCF texts in ${lang} stay as they were`);
      }
    }
    write(`archives/vendor-list-v${version}.json`, list.body);
    write('vendor-list.json', list.body);
    if (version !== current) log(`GVL: serving vendor list version ${version}`);
    current = version;
    ttl = Math.max(minTtl, list.maxAge ?? DEFAULT_TTL_S);
    fetchedAt = now();
    return version;
  };

  const schedule = (seconds: number) => {
    timer = setTimeout(() => {
      refresh()
        .catch((error: unknown) => log(`GVL: refresh failed (${(error as Error).message}); still serving version ${current ?? 'none'}`))
        .finally(() => schedule(ttl));
    }, seconds * 1000);
    timer.unref();
  };

  return {
    version: () => current,
    refresh,
    async start() {
      try {
        await refresh();
      } catch (error) {
        log(`GVL: fetch failed (${(error as Error).message}); ${current === null ? 'TCF pages get 503 and signal no consent until it succeeds' : `serving the stored version ${current}`}`);
        ttl = Math.max(minTtl, 1);
      }
      schedule(ttl);
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
    read(name) {
      let file: string;
      if (name === 'vendor-list.json') file = name;
      else if (/^archives\/vendor-list-v\d{1,6}\.json$/.test(name)) file = name;
      else if (/^purposes-[a-z]{2}(-[a-z]{2,4})?\.json$/.test(name) && languages.includes(name.slice(9, -5))) file = name;
      else return null;
      try {
        const body = readFileSync(join(dir, file));
        // Archives never change; the latest list may be kept until the next scheduled fetch.
        const left = Math.max(0, Math.round(ttl - (now() - fetchedAt) / 1000));
        return { body, maxAge: file.startsWith('archives/') ? 31_536_000 : Math.min(ttl, fetchedAt ? left : 3600) };
      } catch {
        return null;
      }
    },
  };
}

/** Versions held in the archive (for the CLI and the docs' check). */
export function archivedVersions(dir: string): number[] {
  try {
    return readdirSync(join(dir, 'archives'))
      .map((f) => /^vendor-list-v(\d+)\.json$/.exec(f)?.[1])
      .filter((v): v is string => !!v)
      .map(Number)
      .sort((a, b) => a - b);
  } catch {
    return [];
  }
}
