import { createConsent, createMemoryCookies } from '@consentry/core';
import { compactLookup } from '@consentry/vendors';
import { VENDOR_INDEX } from '../catalog-index.js';

export const CONFIG = {
  categories: { statistics: {}, targeting: {} },
  vendors: { 'google-analytics': { id: 'G-TEST1234' }, 'meta-pixel': { id: '1234567890' } },
};

/** A real consent cookie, written by core's engine after `decide`, as a `Cookie` header. */
export function cookieAfter(decide: 'acceptAll' | 'rejectAll' | { statistics: boolean; targeting: boolean }, config: object = CONFIG): string {
  const cookies = createMemoryCookies();
  const consent = createConsent(config as never, { cookies, catalog: compactLookup(VENDOR_INDEX), gpc: false });
  if (decide === 'acceptAll') consent.acceptAll();
  else if (decide === 'rejectAll') consent.rejectAll();
  else consent.update(decide);
  return `other=1; consentry=${cookies.get('consentry')}`;
}
