import { expect, it } from 'vitest';
import * as api from './index.js';

it('exports exactly the public API', () => {
  expect(Object.keys(api).sort()).toEqual([
    'IAB_GVL_SOURCE',
    'MAX_NOTICE_BYTES',
    'ServerConfigError',
    'checkVendorList',
    'createApp',
    'createGvlCache',
    'createPostgresStorage',
    'createSealer',
    'createServer',
    'createSqliteStorage',
    'describeVerifyResult',
    'keyIdOf',
    'loadConfig',
    'loadOrCreateSigningKey',
    'main',
    'minimiseIp',
    'openStorage',
    'publicKeyFromRaw',
    'rotateSigningKey',
    'startServer',
    'toReceipt',
    'toSealedRecord',
    'verifyStorage',
  ]);
});
