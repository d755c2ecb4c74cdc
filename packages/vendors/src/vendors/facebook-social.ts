import { FACEBOOK_SOCIAL_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const facebookSocial = defineVendor({
  id: 'facebook-social',
  name: 'Facebook social plugins',
  category: 'targeting',
  kind: 'embed',
  purpose: 'Shows Facebook social plugins (Like and Share buttons, page feeds); Meta records the visit and may use it for ads.',
  privacyPolicy: 'https://www.facebook.com/privacy/policy/',
  // The plugins' iframes only: connect.facebook.net (the JavaScript SDK) is the Meta Pixel's, held by its rule.
  hosts: ['www.facebook.com/plugins'],
  cookies: FACEBOOK_SOCIAL_COOKIES,
  idParam: { type: 'string', required: false },
});
