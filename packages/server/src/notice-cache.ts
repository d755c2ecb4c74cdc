/**
 * Notice hashes known to be on file. Notices never change once stored, so a positive answer can be
 * cached; the cache is bounded (oldest entry out first), because anyone may register notices.
 */
export interface NoticeCache {
  has(hash: string): boolean;
  add(hash: string): void;
  readonly size: number;
}

export function createNoticeCache(max = 1000): NoticeCache {
  const entries = new Set<string>();
  return {
    has: (hash) => entries.has(hash),
    add(hash) {
      if (entries.has(hash)) return;
      entries.add(hash);
      if (entries.size > max) entries.delete(entries.values().next().value!);
    },
    get size() {
      return entries.size;
    },
  };
}
