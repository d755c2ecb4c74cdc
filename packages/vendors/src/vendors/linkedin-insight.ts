import { LINKEDIN_INSIGHT_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const linkedinInsight = defineVendor({
  id: 'linkedin-insight',
  name: 'LinkedIn Insight Tag',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Measures conversions from LinkedIn ads, reports visitor demographics and builds retargeting audiences.',
  privacyPolicy: 'https://www.linkedin.com/legal/privacy-policy',
  hosts: ['snap.licdn.com', 'px.ads.linkedin.com', 'linkedin.com'],
  cookies: LINKEDIN_INSIGHT_COOKIES,
  storage: ['li_adsId'],
  idParam: { type: 'string', required: true, pattern: /^\d{4,10}$/, example: 'a partner id of digits like 1234567' },
  stubs: [{ name: 'lintrk', queue: 'q' }],
  init: [{ set: '_linkedin_partner_id', value: '{id}' }, { push: '_linkedin_data_partner_ids', items: ['{id}'] }],
  script: { src: 'https://snap.licdn.com/li.lms-analytics/insight.min.js' },
});
