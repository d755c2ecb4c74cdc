import { INFONLINE_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const infonline = defineVendor({
  id: 'infonline',
  name: 'INFOnline (IVW)',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Measures audience reach for the industry’s shared audience statistics and ratings.',
  privacyPolicy: 'https://www.infonline.de/datenschutz/',
  hosts: ['ioam.de', 'iocnt.net', 'infonline.de'],
  cookies: INFONLINE_COOKIES,
  idParam: { type: 'string', required: false },
  // No loader: the site pastes the vendor's own tag; Consentry holds it by these hosts until granted.
});
