import { OPTIMIZELY_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const optimizely = defineVendor({
  id: 'optimizely',
  name: 'Optimizely Web',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Shows visitors different versions of pages in experiments and measures which one works better.',
  privacyPolicy: 'https://www.optimizely.com/legal/privacy-notice/',
  hosts: ['optimizely.com', 'cdn.optimizely.com', 'logx.optimizely.com'],
  cookies: OPTIMIZELY_COOKIES,
  storage: [{ prefix: 'optimizely_data' }],
  idParam: { type: 'string', required: true, pattern: /^\d{8,12}$/, example: 'a snippet (project) id of digits like 1234567890' },
  script: { src: 'https://cdn.optimizely.com/js/{id}.js' },
});
