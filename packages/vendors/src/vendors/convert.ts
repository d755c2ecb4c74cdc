import { CONVERT_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const convert = defineVendor({
  id: 'convert',
  name: 'Convert Experiences',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Shows visitors different versions of pages in experiments and measures which one works better.',
  privacyPolicy: 'https://www.convert.com/privacy-policy/',
  hosts: ['convertexperiments.com', 'cdn-4.convertexperiments.com', 'convert.com'],
  cookies: CONVERT_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^\d{6,10}-\d{6,10}$/, example: 'account id-project id like 10012345-10012345' },
  script: { src: 'https://cdn-4.convertexperiments.com/js/{id}.js' },
});
