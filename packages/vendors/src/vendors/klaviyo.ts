import { KLAVIYO_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const klaviyo = defineVendor({
  id: 'klaviyo',
  name: 'Klaviyo',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Links visits to the site’s mailing list to personalise marketing emails and measure campaigns.',
  privacyPolicy: 'https://www.klaviyo.com/legal/privacy',
  hosts: ['klaviyo.com', 'static.klaviyo.com', 'a.klaviyo.com', 'static-tracking.klaviyo.com'],
  cookies: KLAVIYO_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^[A-Za-z0-9]{6}$/, example: 'a public API key (site id) of 6 letters and digits like AbC123' },
  script: { src: 'https://static.klaviyo.com/onsite/js/klaviyo.js?company_id={id}' },
});
