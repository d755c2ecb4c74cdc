import { CRAZY_EGG_COOKIES } from '../data/cookies.js';
import { injectScript, str } from '../dom.js';
import type { VendorDefinition } from '../types.js';

export const crazyEgg: VendorDefinition = {
  id: 'crazy-egg',
  name: 'Crazy Egg',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Builds heatmaps and scroll maps and records sessions to show how visitors use pages.',
  privacyPolicy: 'https://www.crazyegg.com/privacy',
  hosts: ['crazyegg.com'],
  cookies: CRAZY_EGG_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^\d{8}$/, example: 'an account number of 8 digits like 00123456' },
  load(params, context) {
    const id = str(params.id);
    injectScript(`https://script.crazyegg.com/pages/scripts/${id.slice(0, 4)}/${id.slice(4)}.js`, context);
  },
};
