import { stage2 } from '@consentry/assembly';
import { afterEach, describe, expect, it } from 'vitest';
import { createConsentryApi, type ConsentryParts } from './consentry.js';
import { VENDOR_INDEX } from './vendor-index.js';

const parts: ConsentryParts = {
  index: VENDOR_INDEX,
  vendor: async () => null,
  language: async () => null,
  proof: async () => null,
  experience: async () => stage2,
};
const config = {
  categories: { statistics: {}, targeting: {} },
  vendors: { 'google-analytics': { id: 'G-ABC123' }, 'meta-pixel': { id: '1234567890' } },
  jurisdictions: { EEA: 'opt-in', 'US-CA': 'opt-out', US: 'notice' },
  gpc: false,
};

afterEach(() => {
  document.head.innerHTML = '';
  document.cookie = 'consentry_region=; max-age=0; path=/';
});

describe('the script tag reads the region the server put in the page', () => {
  it('from data-region on a script tag', () => {
    const tag = document.createElement('script');
    tag.dataset.region = 'US-TX';
    document.head.append(tag);
    const api = createConsentryApi(parts);
    api.init(config);
    expect(api.isGranted('meta-pixel')).toBe(true);
  });

  it('from the consentry_region cookie', () => {
    document.cookie = 'consentry_region=DE; path=/';
    const api = createConsentryApi(parts);
    api.init(config);
    expect(api.isGranted('google-analytics')).toBe(false);
  });

  it('none: the strictest rule, until setRegion brings the region late', () => {
    const api = createConsentryApi(parts);
    api.init(config);
    expect(api.isGranted('meta-pixel')).toBe(false);
    expect(api.setRegion('US-TX')).toBe(true);
    expect(api.isGranted('meta-pixel')).toBe(true);
  });
});
