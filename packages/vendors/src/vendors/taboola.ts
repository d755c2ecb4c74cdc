import { TABOOLA_COOKIES } from '../data/cookies.js';
import { injectScript, queue, str } from '../dom.js';
import type { VendorDefinition } from '../types.js';

export const taboola: VendorDefinition = {
  id: 'taboola',
  name: 'Taboola',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Measures conversions from Taboola recommendations and ads and builds audiences for them.',
  privacyPolicy: 'https://www.taboola.com/policies/privacy-policy',
  hosts: ['cdn.taboola.com', 'trc.taboola.com', 'taboola.com'],
  cookies: TABOOLA_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^\d{5,8}$/, example: 'an account id of digits like 1234567' },
  load(params, context) {
    const id = str(params.id);
    queue('_tfa').push({ notify: 'event', name: 'page_view', id: Number(id) });
    injectScript(`https://cdn.taboola.com/libtrc/unip/${encodeURIComponent(id)}/tfa.js`, context, (s) => {
      s.id = 'tb_tfa_script';
    });
  },
};
