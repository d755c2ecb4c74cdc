export interface RateLimiter {
  /** Counts one hit; returns seconds to wait when over the limit, or 0 when allowed. */
  hit(key: string): number;
}

/** Fixed one-minute windows per key, in memory. `perMinute` 0 allows everything. */
export function createRateLimiter(perMinute: number, now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  const WINDOW = 60_000;
  return {
    hit(key) {
      if (perMinute <= 0) return 0;
      const t = now();
      // Bound memory under a flood of distinct addresses: drop windows that have ended.
      if (windows.size > 50_000) for (const [k, w] of windows) if (t - w.start >= WINDOW) windows.delete(k);
      const w = windows.get(key);
      if (!w || t - w.start >= WINDOW) {
        windows.set(key, { start: t, count: 1 });
        return 0;
      }
      w.count += 1;
      return w.count > perMinute ? Math.max(1, Math.ceil((w.start + WINDOW - t) / 1000)) : 0;
    },
  };
}
