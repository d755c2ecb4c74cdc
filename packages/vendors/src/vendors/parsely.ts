import { PARSELY_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const parsely = defineVendor({
  id: 'parsely',
  name: 'Parse.ly',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Measures which articles visitors read, how long and from where, for the newsroom’s statistics.',
  privacyPolicy: 'https://wpvip.com/parsely-privacy-policy/',
  hosts: ['parsely.com', 'cdn.parsely.com', 'p1.parsely.com'],
  cookies: PARSELY_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^[a-z0-9.-]+\.[a-z]{2,}$/, example: 'the site id (its domain) like example.com' },
  script: { src: 'https://cdn.parsely.com/keys/{id}/p.js', id: 'parsely-cfg' },
});
