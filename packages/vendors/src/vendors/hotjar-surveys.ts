import { HOTJAR_SURVEYS_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const hotjarSurveys = defineVendor({
  id: 'hotjar-surveys',
  name: 'Hotjar Surveys',
  category: 'statistics',
  kind: 'widget',
  purpose: 'Shows feedback surveys and remembers whether the visitor has already answered or closed them.',
  privacyPolicy: 'https://www.hotjar.com/legal/policies/privacy/',
  hosts: ['hotjar.com', 'hotjar.io', 'hotjar-analytics.com'],
  cookies: HOTJAR_SURVEYS_COOKIES,
  storage: [{ prefix: '_hj' }],
  idParam: { type: 'string', required: true, pattern: /^\d{5,10}$/, example: 'a Hotjar site id of digits like 1234567' },
  // Surveys come with Hotjar's one tracking code; a site that runs Hotjar for both lists both, and it loads once.
  skip: ['_hjSettings'],
  stubs: [{ name: 'hj', queue: 'q' }],
  init: [{ set: '_hjSettings', value: { hjid: '{id|num}', hjsv: 6 } }],
  script: { src: 'https://static.hotjar.com/c/hotjar-{id}.js?sv=6' },
});
