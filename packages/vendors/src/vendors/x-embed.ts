import { X_EMBED_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const xEmbed = defineVendor({
  id: 'x-embed',
  name: 'X (Twitter) embeds',
  category: 'targeting',
  kind: 'embed',
  purpose: 'Shows embedded posts; the platform records the visit and may use it to personalise ads.',
  privacyPolicy: 'https://x.com/en/privacy',
  hosts: ['platform.twitter.com', 'syndication.twitter.com', 'cdn.syndication.twimg.com'],
  cookies: X_EMBED_COOKIES,
  idParam: { type: 'string', required: false },
});
