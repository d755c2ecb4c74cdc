import { SLEEKNOTE_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const sleeknote = defineVendor({
  id: 'sleeknote',
  name: 'Sleeknote',
  category: 'targeting',
  kind: 'widget',
  purpose: 'Shows sign-up and offer pop-ups, measures them and remembers which ones the visitor has seen.',
  privacyPolicy: 'https://sleeknote.com/privacy-policy',
  hosts: ['sleeknote.com', 'sleeknotecustomerscripts.sleeknote.com'],
  cookies: SLEEKNOTE_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^\d{4,8}$/, example: 'a customer id of digits like 12345' },
  script: { src: 'https://sleeknotecustomerscripts.sleeknote.com/{id}.js' },
});
