import { ISSUU_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const issuu = defineVendor({
  id: 'issuu',
  name: 'Issuu',
  category: 'functional',
  kind: 'embed',
  purpose: 'Shows embedded publications and documents; the provider records views.',
  privacyPolicy: 'https://issuu.com/legal/privacy',
  hosts: ['issuu.com', 'e.issuu.com'],
  cookies: ISSUU_COOKIES,
  idParam: { type: 'string', required: false },
});
