import { CHARTBEAT_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const chartbeat = defineVendor({
  id: 'chartbeat',
  name: 'Chartbeat',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Measures which articles visitors read, how long and from where, for the newsroom’s statistics.',
  privacyPolicy: 'https://chartbeat.com/privacy/',
  hosts: ['chartbeat.com', 'chartbeat.net', 'static.chartbeat.com'],
  cookies: CHARTBEAT_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^\d{4,8}$/, example: 'an account id of digits like 12345' },
  params: { domain: { type: 'string', required: true, pattern: /^[a-z0-9.-]+\.[a-z]{2,}$/, example: 'the site domain as registered in Chartbeat, like example.com' } },
  init: [{ set: '_sf_async_config', value: { uid: '{id|num}', domain: '{domain}', useCanonical: true, useCanonicalDomain: true }, keep: true }],
  script: { src: 'https://static.chartbeat.com/js/chartbeat.js' },
});
