import { SITEIMPROVE_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const siteimprove = defineVendor({
  id: 'siteimprove',
  name: 'Siteimprove Analytics',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Measures site traffic and visitor behaviour and checks the site’s content quality and accessibility.',
  privacyPolicy: 'https://www.siteimprove.com/privacy/',
  hosts: ['siteimproveanalytics.com', 'siteimproveanalytics.io', 'siteimprove.com'],
  cookies: SITEIMPROVE_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^\d{5,10}$/, example: 'an account id of digits like 6001234' },
  script: { src: 'https://siteimproveanalytics.com/js/siteanalyze_{id}.js' },
});
