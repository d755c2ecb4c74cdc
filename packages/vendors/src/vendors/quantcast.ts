import { QUANTCAST_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const quantcast = defineVendor({
  id: 'quantcast',
  name: 'Quantcast',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Measures audiences and their demographics and uses them to target Quantcast ads.',
  privacyPolicy: 'https://www.quantcast.com/privacy/',
  hosts: ['quantserve.com', 'quantcount.com', 'quantcast.com'],
  cookies: QUANTCAST_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^p-[A-Za-z0-9_-]{10,16}$/, example: 'a Quantcast account id like p-a1B2c3D4e5F6g' },
  init: [{ push: '_qevents', items: [{ qacct: '{id}' }] }],
  script: { src: 'https://secure.quantserve.com/quant.js' },
});
