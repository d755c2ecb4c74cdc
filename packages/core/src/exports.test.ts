import { expect, it } from 'vitest';
import * as core from './index.js';

it('exports exactly the public API', () => {
  expect(Object.keys(core).sort()).toEqual([
    'CATEGORIES',
    'ConsentryConfigError',
    'MAX_DAYS',
    'OPTIONAL_CATEGORIES',
    'consentLifetimes',
    'createConsent',
    'createMemoryCookies',
    'didYouMean',
    'fnv',
    'gdprApplies',
    'getCookie',
    'grantsAnything',
    'isGrantedIn',
    'isVendorListed',
    'jurisdictionFor',
    'loadsBeforeConsent',
    'normalizeRegion',
    'randomId',
    'readConsent',
    'resolveConfig',
    'saleOptOut',
    'startConsent',
    'transitions',
]);
});
