import { PLAUSIBLE_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

// Statistics, not necessary: Plausible stores nothing on the device, so ePrivacy Art. 5(3) does not ask
// for consent, but the visitor's IP address still goes to a third party; Consentry fails closed and lets a
// site that relies on legitimate interest say so in its own config (docs/vendors.md "Cookieless analytics").
export const plausible = defineVendor({
  id: 'plausible',
  name: 'Plausible Analytics',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Counts page views and where visitors came from without cookies; the visitor’s IP address and browser reach its server.',
  privacyPolicy: 'https://plausible.io/privacy',
  hosts: ['plausible.io'],
  cookies: PLAUSIBLE_COOKIES,
  cookieless: 'Sets no cookie (its one key, plausible_ignore, is the site owner\'s own opt-out in localStorage); it sends the visitor\'s IP address and user agent to plausible.io, which turns them into a daily-rotating hash.',
  storage: ['plausible_ignore'],
  idParam: { type: 'string', required: true, pattern: /^[a-z0-9.-]+\.[a-z]{2,}$/, example: 'the site domain as registered in Plausible, like example.com' },
  script: { src: 'https://plausible.io/js/script.js', defer: true, data: { domain: '{id}' } },
});
