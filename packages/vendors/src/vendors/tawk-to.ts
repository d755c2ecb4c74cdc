import { TAWK_TO_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const tawkTo = defineVendor({
  id: 'tawk-to',
  name: 'tawk.to',
  category: 'functional',
  kind: 'chat',
  purpose: 'Provides the live chat widget and remembers the conversation across pages.',
  privacyPolicy: 'https://www.tawk.to/privacy-policy/',
  hosts: ['tawk.to'],
  cookies: TAWK_TO_COOKIES,
  storage: [{ prefix: 'twk_' }],
  idParam: { type: 'string', required: true, pattern: /^[a-f0-9]{24}\/[a-z0-9]{6,12}$/, example: 'property id/widget id like 5f1a2b3c4d5e6f7a8b9c0d1e/1abcdefgh' },
  init: [{ set: 'Tawk_API', value: {}, keep: true }, { set: 'Tawk_LoadStart', value: '{@now}' }],
  script: { src: 'https://embed.tawk.to/{id|raw}', charset: 'UTF-8' },
});
