import { CRAZY_EGG_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const crazyEgg = defineVendor({
  id: 'crazy-egg',
  name: 'Crazy Egg',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Builds heatmaps and scroll maps and records sessions to show how visitors use pages.',
  privacyPolicy: 'https://www.crazyegg.com/privacy',
  hosts: ['crazyegg.com'],
  cookies: CRAZY_EGG_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^\d{8}$/, example: 'an account number of 8 digits like 00123456' },
  script: { src: 'https://script.crazyegg.com/pages/scripts/{id|0:4}/{id|4:}.js' },
});
