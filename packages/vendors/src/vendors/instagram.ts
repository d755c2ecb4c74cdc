import { INSTAGRAM_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const instagram = defineVendor({
  id: 'instagram',
  name: 'Instagram embeds',
  category: 'targeting',
  kind: 'embed',
  purpose: 'Shows embedded posts; the platform records the visit and may use it to personalise ads.',
  privacyPolicy: 'https://privacycenter.instagram.com/policy',
  hosts: ['www.instagram.com/p', 'www.instagram.com/reel', 'www.instagram.com/embed.js', 'cdninstagram.com'],
  cookies: INSTAGRAM_COOKIES,
  idParam: { type: 'string', required: false },
});
