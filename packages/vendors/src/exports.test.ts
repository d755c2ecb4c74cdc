import { expect, it } from 'vitest';
import { catalog } from './catalog.js';
import * as vendors from './index.js';

const camel = (id: string) => id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

it('exports exactly the public API: the engine, the adapters, Consent Mode and one named export per catalog vendor', () => {
  expect(Object.keys(vendors).sort()).toEqual(
    [
      'ADVANCED_MODE_VENDORS',
      'CONSENT_MODE_MAPPING',
      'GOOGLE_VENDOR_TYPES',
      'catalog',
      'checkVendorConfig',
      'compactLookup',
      'compactRules',
      'compactVendors',
      'encodeCatalog',
      'consentModeRules',
      'consentTypesOf',
      'createConsentMode',
      'createVendorLoader',
      'defineVendor',
      'installStub',
      'siteServices',
      'startStubs',
      'STUBBED_GLOBALS',
      'loadsBeforeConsent',
      'toBlockerRules',
      'toCatalogLookup',
      'toVendorInfo',
      'lvVendorTexts',
      'ruVendorTexts',
      'etVendorTexts',
      'ltVendorTexts',
      'deVendorTexts',
      'frVendorTexts',
      'esVendorTexts',
      'plVendorTexts',
      ...Object.keys(catalog).map(camel),
    ].sort(),
  );
  for (const id of Object.keys(catalog)) expect((vendors as Record<string, unknown>)[camel(id)], id).toBe(catalog[id]);
});
