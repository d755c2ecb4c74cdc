import { expect, it } from 'vitest';
import * as api from './index.js';

it('exports exactly the public API', () => {
  expect(Object.keys(api).sort()).toEqual([
    'GENESIS_HASH',
    'LIMITS',
    'MAX_RECORD_BYTES',
    'RECORD_METHODS',
    'RECORD_SCHEMA',
    'RECORD_SOURCES',
    'canonicalJson',
    'isUuid',
    'noticeHash',
    'noticeHashSync',
    'sha256Hex',
    'validateNoticeRegistration',
    'validateRecord',
  ]);
});
