import type { StorageAdapter } from '../storage/types.js';

export interface DayCount {
  day: string;
  method: string;
  count: number;
  /** Of those, decisions made with Global Privacy Control on. */
  gpc: number;
}

// One aggregate per dialect: only the method and the GPC flag are read from each record's JSON.
const SQL = {
  sqlite: `SELECT substr(decided_at, 1, 10) AS day, json_extract(body, '$.method') AS method, count(*) AS n,
  sum(CASE WHEN json_extract(body, '$.gpc') = 1 THEN 1 ELSE 0 END) AS gpc
  FROM consentry_records WHERE decided_at >= ? AND decided_at < ? GROUP BY 1, 2 ORDER BY 1, 2`,
  postgres: `SELECT substr(decided_at, 1, 10) AS day, body::json->>'method' AS method, count(*) AS n,
  sum(CASE WHEN (body::json->>'gpc')::boolean THEN 1 ELSE 0 END) AS gpc
  FROM consentry_records WHERE decided_at >= ? AND decided_at < ? GROUP BY 1, 2 ORDER BY 1, 2`,
};

/** Decisions per day (UTC) and method between two instants (`to` exclusive). */
export async function decisionsPerDay(storage: StorageAdapter, from: string, to: string): Promise<DayCount[]> {
  const rows = await storage.sql.all<{ day: string; method: string; n: number | string; gpc: number | string }>(SQL[storage.kind], [from, to]);
  return rows.map((r) => ({ day: r.day, method: r.method, count: Number(r.n), gpc: Number(r.gpc) }));
}
