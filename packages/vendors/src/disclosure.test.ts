import { expect, it } from 'vitest';
import { toVendorInfo } from './adapters.js';
import { googleAnalytics } from './vendors/google-analytics.js';

it('Google Analytics discloses the cookies GA4 sets, not the legacy __utm* ones', () => {
  const names = toVendorInfo(googleAnalytics).cookies.map((c) => c.name);
  expect(names.filter((n) => n.startsWith('__utm'))).toEqual([]);
  expect(names).toEqual(expect.arrayContaining(['_ga', '_ga_*']));
});
