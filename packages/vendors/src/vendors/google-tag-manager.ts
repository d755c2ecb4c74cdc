import { GOOGLE_TAG_MANAGER_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const googleTagManager = defineVendor({
  id: 'google-tag-manager',
  name: 'Google Tag Manager',
  category: 'statistics',
  kind: 'tag-manager',
  purpose: 'Loads the measurement and marketing tags the site has configured; it sets no cookies itself, the tags it loads may.',
  privacyPolicy: 'https://policies.google.com/privacy',
  // The whole host: besides gtm.js and ns.html the container sends its own pings (`/a?id=GTM-…`,
  // `/td`). Paths another vendor names (`/gtag/`) stay that vendor's: a path entry is more specific.
  hosts: ['www.googletagmanager.com'],
  cookies: GOOGLE_TAG_MANAGER_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^GTM-[A-Z0-9]{4,}$/, example: 'a container id like GTM-XXXXXXX' },
  // The site's own container snippet already pushed gtm.start and asked for this container.
  pasted: 'https://www.googletagmanager.com/gtm.js?id={id}',
  init: [{ push: '{@layer}', items: [{ 'gtm.start': '{@now}', event: 'gtm.js' }] }],
  script: { src: 'https://www.googletagmanager.com/gtm.js?id={id}{@l|raw}' },
});
