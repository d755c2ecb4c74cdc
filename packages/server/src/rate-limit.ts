import { isIP } from 'node:net';

export interface RateLimiter {
  /** Counts one hit; returns seconds to wait when over the limit, or 0 when allowed. */
  hit(key: string): number;
}

/**
 * Fixed one-minute windows per key, in memory. `perMinute` 0 allows everything. Windows sit in
 * the map in the order they started (a renewed window moves to the end), so the ended ones are
 * always at the front: each hit drops those and stops at the first live one, never scanning the rest.
 */
export function createRateLimiter(perMinute: number, now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  const WINDOW = 60_000;
  return {
    hit(key) {
      if (perMinute <= 0) return 0;
      const t = now();
      for (const [k, w] of windows) {
        if (t - w.start < WINDOW) break;
        windows.delete(k);
      }
      const w = windows.get(key);
      if (!w || t - w.start >= WINDOW) {
        windows.delete(key);
        windows.set(key, { start: t, count: 1 });
        return 0;
      }
      w.count += 1;
      return w.count > perMinute ? Math.max(1, Math.ceil((w.start + WINDOW - t) / 1000)) : 0;
    },
  };
}

/**
 * The rate limit's key for a client address: an IPv4 address itself, an IPv6 address by its /64
 * (one subscriber usually holds a whole /64, and could otherwise rotate through 2^64 addresses).
 */
export function rateKey(address: string | null): string {
  if (!address) return 'unknown';
  let ip = address;
  const zone = ip.indexOf('%');
  if (zone !== -1) ip = ip.slice(0, zone);
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (isIP(ip) !== 6) return ip;
  const [head = '', tail] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const groups = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => (parseInt(g, 16) || 0).toString(16)).join(':')}::/64`;
}
