import { LIVECHAT_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const livechat = defineVendor({
  id: 'livechat',
  name: 'LiveChat',
  category: 'functional',
  kind: 'chat',
  purpose: 'Provides the live chat widget and remembers the conversation across pages.',
  privacyPolicy: 'https://www.livechat.com/legal/privacy-policy/',
  hosts: ['livechatinc.com', 'cdn.livechatinc.com', 'livechat.com'],
  cookies: LIVECHAT_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^\d{5,10}$/, example: 'a license number of digits like 12345678' },
  init: [{ set: '__lc.license', value: '{id|num}' }],
  script: { src: 'https://cdn.livechatinc.com/tracking.js' },
});
