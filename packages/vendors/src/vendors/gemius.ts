import { GEMIUS_COOKIES } from '../data/cookies.js';
import { injectScript, str, win } from '../dom.js';
import type { VendorDefinition } from '../types.js';

export const gemius: VendorDefinition = {
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
  load(params, context) {
    const w = win();
    w.pp_gemius_identifier = str(params.id);
    // gemius_pending: queue calls until xlgemius.js arrives.
    for (const name of ['gemius_hit', 'gemius_event', 'pp_gemius_hit', 'pp_gemius_event']) {
      w[name] = w[name] || function () {
        const pending = (w[`${name}_pdata`] = w[`${name}_pdata`] || []);
        // eslint-disable-next-line prefer-rest-params
        pending.push(arguments);
      };
    }
    injectScript(`https://${str(params.collector || 'gapl.hit.gemius.pl')}/xlgemius.js`, context, (s) => {
      s.defer = true;
    });
  },
};
