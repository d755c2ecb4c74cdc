import type { SealedRecord } from '@consentry/protocol';

export const EXPORT_FORMATS = ['ndjson', 'csv', 'iso27560'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  ndjson: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  iso27560: 'application/x-ndjson; charset=utf-8',
};

export type ExportedRecord = SealedRecord & { noticeOnFile: boolean };

const CSV_COLUMNS = [
  'chain', 'seq', 'receivedAt', 'recordId', 'consentId', 'timestamp', 'site', 'url', 'revision', 'language',
  'noticeHash', 'noticeOnFile', 'necessary', 'functional', 'statistics', 'targeting', 'vendors', 'method',
  'source', 'gpc', 'userAgent', 'ip', 'prevHash', 'hash', 'signature', 'keyId', 'tree',
] as const;

/** Quotes a CSV cell; a leading = + - @ is defused so spreadsheets do not run visitor-supplied formulas. */
function cell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

export function csvLine(r: ExportedRecord): string {
  const flat: Record<(typeof CSV_COLUMNS)[number], unknown> = { tree: null, ...r, ...r.choices };
  return `${CSV_COLUMNS.map((c) => cell(flat[c])).join(',')}\r\n`;
}

export function ndjsonLine(r: ExportedRecord): string {
  return `${JSON.stringify(r)}\n`;
}

const CATEGORY_PURPOSES = {
  functional: 'Functional cookies and similar storage',
  statistics: 'Statistics / analytics cookies',
  targeting: 'Targeting / advertising cookies',
} as const;

/**
 * An ISO/IEC TS 27560-aligned view of one record (field names after the DPV mapping of 27560):
 * header, processing (notice, language, purposes), parties, and one consent event.
 * Fields we do not know (controller address, jurisdiction) are left for the controller to add.
 */
export function iso27560Line(r: ExportedRecord): string {
  const optional = ['functional', 'statistics', 'targeting'] as const;
  const granted = optional.filter((c) => r.choices[c]);
  const eventState = r.method === 'withdraw' ? 'withdrawn' : granted.length === 0 ? 'refused' : 'given';
  const doc = {
    schemaVersion: 'ISO/IEC TS 27560:2023 (consentry.record/1)',
    recordId: r.recordId,
    piiPrincipalId: r.consentId,
    privacyNotice: { noticeHash: r.noticeHash, revision: r.revision, language: r.language, onFile: r.noticeOnFile, url: r.url },
    language: r.language,
    purposes: [
      { purpose: 'Strictly necessary', purposeType: 'necessary', lawfulBasis: 'legitimate-interest-or-contract', consentState: 'not-required' },
      ...optional.map((c) => ({
        purpose: CATEGORY_PURPOSES[c],
        purposeType: c,
        lawfulBasis: 'consent',
        consentState: r.choices[c] ? 'given' : r.method === 'withdraw' ? 'withdrawn' : 'refused',
      })),
    ],
    recipientThirdParties: Object.entries(r.vendors).map(([vendor, consented]) => ({ partyId: vendor, consented })),
    piiControllers: [{ partyId: r.site, partyType: 'controller' }],
    collectionMethod: { method: r.method, source: r.source, gpc: r.gpc, userAgent: r.userAgent, ip: r.ip },
    events: [
      {
        eventTime: r.timestamp,
        receivedTime: r.receivedAt,
        entityId: r.consentId,
        eventType: r.method === 'gpc' ? 'signalled' : 'expressed',
        eventState,
      },
    ],
    integrity: {
      chain: r.chain,
      seq: r.seq,
      prevHash: r.prevHash,
      hash: r.hash,
      signature: r.signature,
      keyId: r.keyId,
      alg: 'Ed25519',
      ...(r.tree ? { batchTree: r.tree } : {}),
    },
  };
  return `${JSON.stringify(doc)}\n`;
}
