import { GOOGLE_FONTS_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const googleFonts = defineVendor({
  id: 'google-fonts',
  name: 'Google Fonts',
  category: 'functional',
  kind: 'font',
  purpose: 'Delivers web fonts; every font request sends the visitor’s IP address to Google.',
  privacyPolicy: 'https://policies.google.com/privacy',
  hosts: ['fonts.googleapis.com', 'fonts.gstatic.com'],
  cookies: GOOGLE_FONTS_COOKIES,
  cookieless: 'Sets no cookie; each font request sends the visitor\'s IP address to Google, which LG München I (3 O 17493/20, 20 January 2022) held unlawful without consent.',
  idParam: { type: 'string', required: false },
});
