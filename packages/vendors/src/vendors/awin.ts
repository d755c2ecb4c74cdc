import { AWIN_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const awin = defineVendor({
  id: 'awin',
  name: 'Awin',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Records which affiliate partner sent the visitor, to attribute sales and pay commissions.',
  privacyPolicy: 'https://www.awin.com/gb/privacy',
  hosts: ['dwin1.com', 'awin1.com', 'zenaps.com'],
  cookies: AWIN_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^\d{3,8}$/, example: 'an advertiser id of digits like 12345' },
  // Awin's MasterTag: one script per advertiser.
  script: { src: 'https://www.dwin1.com/{id}.js', defer: true },
});
