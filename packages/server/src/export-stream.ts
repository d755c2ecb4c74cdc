import type { StorageAdapter, StoredRow } from './storage/types.js';
import { toSealedRecord } from './seal.js';
import {
  EXPORT_CONTENT_TYPES,
  EXPORT_FORMATS,
  csvHeader,
  csvLine,
  iso27560Line,
  ndjsonLine,
  type ExportFormat,
} from './export-format.js';

export interface ExportQuery {
  from?: string;
  to?: string;
  format: ExportFormat;
}

const PAGE = 500;
const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

function parseTime(value: string | undefined, path: string): { ok: true; value?: string } | { ok: false; error: string; path: string } {
  if (value === undefined || value === '') return { ok: true };
  const ms = DATE.test(value) ? Date.parse(value) : Number.NaN;
  // Date.parse rolls a day that does not exist (2026-02-30) over into the next month.
  const day = Date.parse(value.slice(0, 10));
  if (Number.isNaN(ms) || new Date(day).toISOString().slice(0, 10) !== value.slice(0, 10)) {
    return { ok: false, error: 'expected an ISO 8601 date or date-time that exists', path };
  }
  return { ok: true, value: new Date(ms).toISOString() };
}

export function parseExportQuery(
  from: string | undefined,
  to: string | undefined,
  format: string | undefined,
): { ok: true; value: ExportQuery } | { ok: false; error: string; path: string } {
  const f = parseTime(from, 'from');
  if (!f.ok) return f;
  const t = parseTime(to, 'to');
  if (!t.ok) return t;
  const fmt = format ?? 'ndjson';
  if (!(EXPORT_FORMATS as readonly string[]).includes(fmt)) {
    return { ok: false, error: `expected one of ${EXPORT_FORMATS.join(', ')}`, path: 'format' };
  }
  const value: ExportQuery = { format: fmt as ExportFormat };
  if (f.value !== undefined) value.from = f.value;
  if (t.value !== undefined) value.to = t.value;
  return { ok: true, value };
}

/** Streams the range page by page (keyset pagination), so memory stays flat for any export size. */
export function createExportStream(storage: StorageAdapter, query: ExportQuery): { stream: ReadableStream<Uint8Array>; contentType: string } {
  const encoder = new TextEncoder();
  const line = query.format === 'csv' ? csvLine : query.format === 'iso27560' ? iso27560Line : ndjsonLine;
  let after: StoredRow | undefined;
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started && query.format === 'csv') controller.enqueue(encoder.encode(csvHeader()));
      started = true;
      const rows = await storage.listRange({
        ...(query.from !== undefined ? { from: query.from } : {}),
        ...(query.to !== undefined ? { to: query.to } : {}),
        ...(after ? { after: { decidedAt: after.decidedAt, chain: after.chain, seq: after.seq } } : {}),
        limit: PAGE,
      });
      if (rows.length === 0) {
        controller.close();
        return;
      }
      after = rows.at(-1);
      const known = await storage.knownNotices([...new Set(rows.map((r) => r.noticeHash))]);
      const text = rows.map((r) => line({ ...toSealedRecord(r), noticeOnFile: known.has(r.noticeHash) })).join('');
      controller.enqueue(encoder.encode(text));
    },
  });
  return { stream, contentType: EXPORT_CONTENT_TYPES[query.format] };
}
