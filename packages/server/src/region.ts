import { readFileSync } from 'node:fs';
import { Reader, type CountryResponse } from 'mmdb-lib';

/**
 * The visitor's region for `jurisdictions` (docs/jurisdictions.md), from what this server already
 * sees: a header the operator's edge sets, or a MaxMind-format database file the operator provides.
 * The visitor's address goes nowhere new.
 */
export interface RegionOptions {
  /** The edge's country header, trusted because the operator names it (CF-IPCountry, CloudFront-Viewer-Country, X-Vercel-IP-Country, X-Country-Code). */
  header?: string | null;
  /** A MaxMind-format (`.mmdb`) country or city database file. */
  database?: string | null;
}

export type RegionResolver = (header: (name: string) => string | undefined, address: string | null) => string | null;

// Edges that send the subdivision (a US state) in a header of their own, beside the country.
const SUBDIVISION_HEADERS: Record<string, string> = {
  'cf-ipcountry': 'cf-region-code',
  'cloudfront-viewer-country': 'cloudfront-viewer-country-region',
  'x-vercel-ip-country': 'x-vercel-ip-country-region',
};
const COUNTRY = /^[A-Z]{2}$/;
const SUBDIVISION = /^[A-Z\d]{1,3}$/;
// Unknown and Tor, as Cloudflare writes them: no region (the SDK applies the strictest rule).
const NONE = ['XX', 'T1'];

const code = (country: unknown, subdivision: unknown): string | null => {
  const c = typeof country === 'string' ? country.trim().toUpperCase() : '';
  if (!COUNTRY.test(c) || NONE.includes(c)) return null;
  const s = typeof subdivision === 'string' ? subdivision.trim().toUpperCase() : '';
  return SUBDIVISION.test(s) ? `${c}-${s}` : c;
};

type CityLike = CountryResponse & { subdivisions?: Array<{ iso_code?: string }> };

/** Throws at start (a clear message) when the database cannot be read: a server told to use one must not run without it. */
export function createRegionResolver(options: RegionOptions): RegionResolver | null {
  const header = options.header?.trim().toLowerCase() || null;
  let reader: Reader<CityLike> | null = null;
  if (options.database) {
    try {
      reader = new Reader<CityLike>(readFileSync(options.database));
    } catch (error) {
      throw new Error(`cannot read the region database ${options.database}: ${(error as Error).message}`);
    }
  }
  if (!header && !reader) return null;
  return (get, address) => {
    if (header) {
      const found = code(get(header), SUBDIVISION_HEADERS[header] ? get(SUBDIVISION_HEADERS[header]) : undefined);
      if (found) return found;
    }
    if (reader && address) {
      try {
        const hit = reader.get(address);
        return code(hit?.country?.iso_code, hit?.subdivisions?.[0]?.iso_code);
      } catch {
        return null; // not an address the database covers
      }
    }
    return null;
  };
}
