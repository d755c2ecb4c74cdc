import { GEMIUS_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const gemius = defineVendor({
  id: 'gemius',
  name: 'Gemius',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Measures audience and traffic for the national internet audience surveys (gemiusPrism / gemiusAudience).',
  privacyPolicy: 'https://www.gemius.com/privacy-policy/',
  hosts: ['gemius.pl', 'gemius.com'],
  cookies: GEMIUS_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^[A-Za-z0-9._-]{20,64}$/, example: 'a Gemius identifier like nSblbvtw7aVjNpcxPZ.TJtX1XtUR2EeBQ.1WqmWQ4n.n7' },
  params: { collector: { type: 'string', pattern: /^[a-z0-9]+\.hit\.gemius\.pl$/, example: 'the hit collector of your country, e.g. galv.hit.gemius.pl' } },
  defaults: { collector: 'gapl.hit.gemius.pl' },
  // gemius_pending: each call queues until xlgemius.js arrives.
  stubs: ['gemius_hit', 'gemius_event', 'pp_gemius_hit', 'pp_gemius_event'].map((name) => ({ name, queueGlobal: `${name}_pdata` })),
  init: [{ set: 'pp_gemius_identifier', value: '{id}' }],
  script: { src: 'https://{collector|raw}/xlgemius.js', defer: true },
});
