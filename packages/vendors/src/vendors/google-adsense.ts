import { GOOGLE_ADSENSE_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const googleAdsense = defineVendor({
  id: 'google-adsense',
  name: 'Google AdSense',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Shows ads on the site, personalised to the visitor where allowed, and measures their performance.',
  privacyPolicy: 'https://policies.google.com/technologies/ads',
  hosts: ['pagead2.googlesyndication.com', 'googlesyndication.com', 'doubleclick.net', 'adservice.google.com'],
  cookies: GOOGLE_ADSENSE_COOKIES,
  storage: [{ prefix: 'google_adsense_' }, { prefix: 'google_ama_' }],
  idParam: { type: 'string', required: true, pattern: /^ca-pub-\d{10,20}$/, example: 'a publisher id like ca-pub-1234567890123456' },
  script: { src: 'https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client={id}', crossOrigin: 'anonymous' },
});
