import { TAWK_TO_COOKIES } from '../data/cookies.js';
import { injectScript, str, win } from '../dom.js';
import type { VendorDefinition } from '../types.js';

export const tawkTo: VendorDefinition = {
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
  load(params, context) {
    const w = win();
    w.Tawk_API = w.Tawk_API || {};
    w.Tawk_LoadStart = new Date();
    injectScript(`https://embed.tawk.to/${str(params.id)}`, context, (s) => {
      s.charset = 'UTF-8';
      s.setAttribute('crossorigin', '*');
    });
  },
};
