// The record a GPC visitor's "Accept all" produces, from a real engine: gpc true, method "gpc",
// and a record the protocol accepts.
import { createConsent, createMemoryCookies, type ConsentEvent } from '@consentry/core';
import { validateRecord } from '@consentry/protocol';
import { describe, expect, it } from 'vitest';
import { buildRecord } from './build-record.js';

describe('record of a decision under Global Privacy Control', () => {
  it('says gpc: true and method "gpc" when GPC held targeting back, and validates', () => {
    const consent = createConsent(
      { categories: { statistics: {}, targeting: {} }, vendors: { hotjar: { id: '1', category: 'statistics' }, 'meta-pixel': { id: '2', category: 'targeting' } } },
      { cookies: createMemoryCookies(), gpc: true },
    );
    const records: unknown[] = [];
    consent.on('decision', (e: Extract<ConsentEvent, { type: 'decision' }>) =>
      records.push(buildRecord(e.state, e.previous, e.source, { noticeHash: 'a'.repeat(64), language: 'en', now: Date.now(), location: { hostname: 'shop.test', href: 'http://shop.test/' }, userAgent: 'test' })),
    );
    consent.acceptAll({ source: 'banner' });
    consent.rejectAll({ source: 'banner' });
    expect(records).toMatchObject([
      { method: 'gpc', gpc: true, choices: { statistics: true, targeting: false }, vendors: { hotjar: true, 'meta-pixel': false } },
      { method: 'withdraw', gpc: true },
    ]);
    for (const r of records) expect(validateRecord(r)).toMatchObject({ ok: true });
  });
});
