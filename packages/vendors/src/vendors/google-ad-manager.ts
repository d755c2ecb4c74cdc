import { GOOGLE_AD_MANAGER_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const googleAdManager = defineVendor({
  id: 'google-ad-manager',
  name: 'Google Ad Manager',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Serves the site’s ad slots (Google Ad Manager), personalised where allowed, and measures their performance.',
  privacyPolicy: 'https://policies.google.com/technologies/ads',
  hosts: ['securepubads.g.doubleclick.net', 'pagead2.googlesyndication.com', 'googlesyndication.com', 'doubleclick.net', 'adservice.google.com'],
  cookies: GOOGLE_AD_MANAGER_COOKIES,
  idParam: { type: 'string', required: false },
  // Google Publisher Tag: the page queues its slot definitions on googletag.cmd until gpt.js runs them.
  init: [{ set: 'googletag', value: { cmd: [] }, keep: true }],
  script: { src: 'https://securepubads.g.doubleclick.net/tag/js/gpt.js', crossOrigin: 'anonymous' },
});
