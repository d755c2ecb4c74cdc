import { TABOOLA_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const taboola = defineVendor({
  id: 'taboola',
  name: 'Taboola',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Measures conversions from Taboola recommendations and ads and builds audiences for them.',
  privacyPolicy: 'https://www.taboola.com/policies/privacy-policy',
  hosts: ['cdn.taboola.com', 'trc.taboola.com', 'taboola.com'],
  cookies: TABOOLA_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^\d{5,8}$/, example: 'an account id of digits like 1234567' },
  init: [{ push: '_tfa', items: [{ notify: 'event', name: 'page_view', id: '{id|num}' }] }],
  script: { src: 'https://cdn.taboola.com/libtrc/unip/{id}/tfa.js', id: 'tb_tfa_script' },
});
