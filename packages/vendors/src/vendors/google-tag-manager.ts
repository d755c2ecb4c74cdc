import { GOOGLE_TAG_MANAGER_COOKIES } from '../data/cookies.js';
import { injectScript, pasted, queue, str } from '../dom.js';
import type { VendorDefinition } from '../types.js';

export const googleTagManager: VendorDefinition = {
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
  load(params, context) {
    const layer = context.dataLayerName ?? 'dataLayer';
    // The site's own container snippet already pushed gtm.start and asked for this container.
    if (pasted(`https://www.googletagmanager.com/gtm.js?id=${encodeURIComponent(str(params.id))}`)) return;
    queue(layer).push({ 'gtm.start': Date.now(), event: 'gtm.js' });
    const l = layer === 'dataLayer' ? '' : `&l=${encodeURIComponent(layer)}`;
    injectScript(`https://www.googletagmanager.com/gtm.js?id=${encodeURIComponent(str(params.id))}${l}`, context);
  },
};
