import { AB_TASTY_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const abTasty = defineVendor({
  id: 'ab-tasty',
  name: 'AB Tasty',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Shows visitors different versions of pages in experiments and measures which one works better.',
  privacyPolicy: 'https://www.abtasty.com/privacy-policy/',
  hosts: ['abtasty.com', 'try.abtasty.com', 'ariane.abtasty.com'],
  cookies: AB_TASTY_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^[a-f0-9]{32}$/, example: 'a tag identifier of 32 hex digits' },
  script: { src: 'https://try.abtasty.com/{id}.js' },
});
