import { expect, it } from 'vitest';
import * as api from './index.js';

it('exports exactly the public API', () => {
  expect(Object.keys(api).sort()).toEqual([
    'MAX_NOTICE_BYTES',
    'ServerConfigError',
    'createApp',
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
