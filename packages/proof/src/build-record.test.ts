import { describe, expect, it } from 'vitest';
import type { ConsentState } from '@consentry/core';
import { validateRecord } from '@consentry/protocol';
import { buildRecord, recordMethod } from './build-record.js';

const state = (over: Partial<ConsentState> = {}): ConsentState => ({
  status: 'decided',
  consentId: '9f1c2a7e-8d2b-4c51-a0e4-2b7c1d3e4f50',
  revision: 1,
  choices: { necessary: true, functional: true, statistics: true, targeting: false },
  vendors: { 'google-analytics': true, 'meta-pixel': false },
  decidedAt: 1,
  expiresAt: 2,
  method: 'custom',
  gpc: false,
  ...over,
});

describe('recordMethod', () => {
  it('calls a decision that only takes back grants a withdrawal', () => {
    expect(recordMethod(state({ choices: { necessary: true, functional: false, statistics: true, targeting: false } }), state())).toBe('withdraw');
    expect(recordMethod(state({ vendors: { 'google-analytics': false, 'meta-pixel': false } }), state())).toBe('withdraw');
    expect(recordMethod(state({ method: 'reject-all', choices: { necessary: true, functional: false, statistics: false, targeting: false } }), state())).toBe('withdraw');
  });

  it('keeps the engine method when something is granted, on a first decision, and for GPC', () => {
    const swap = state({ choices: { necessary: true, functional: false, statistics: true, targeting: true } });
    expect(recordMethod(swap, state())).toBe('custom');
    expect(recordMethod(state({ method: 'reject-all', choices: { necessary: true, functional: false, statistics: false, targeting: false } }), state({ status: 'undecided', method: null }))).toBe('reject-all');
    expect(recordMethod(state({ method: 'gpc', choices: { necessary: true, functional: false, statistics: true, targeting: false } }), state())).toBe('gpc');
    expect(recordMethod(state({ method: 'reject-all' }), state({ method: 'reject-all' }))).toBe('reject-all');
  });
});

describe('buildRecord', () => {
  it('gives a record the server accepts, without query or fragment, even for a very long path', () => {
    const href = `https://shop.example.com/${'p/'.repeat(1500)}?email=a@b.example#x`;
    const record = buildRecord(state(), state({ status: 'undecided' }), 'banner', {
      noticeHash: 'a'.repeat(64),
      language: 'en',
      now: 1,
      location: { hostname: 'shop.example.com', href },
      userAgent: 'UA',
    });
    expect(record.url).toHaveLength(2048);
    expect(record.url).not.toContain('?');
    expect(validateRecord(record)).toMatchObject({ ok: true });
  });
});
