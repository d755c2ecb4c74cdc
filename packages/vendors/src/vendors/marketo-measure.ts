import { MARKETO_MEASURE_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const marketoMeasure = defineVendor({
  id: 'marketo-measure',
  name: 'Marketo Measure (Bizible)',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Attributes leads and revenue to the marketing channels and campaigns that brought the visitor.',
  privacyPolicy: 'https://www.adobe.com/privacy/policy.html',
  hosts: ['bizible.com', 'bizibly.com', 'cdn.bizible.com'],
  cookies: MARKETO_MEASURE_COOKIES,
  idParam: { type: 'string', required: false },
  script: { src: 'https://cdn.bizible.com/scripts/bizible.js' },
});
