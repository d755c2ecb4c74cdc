import { LINKEDIN_INSIGHT_COOKIES } from '../data/cookies.js';
import { injectScript, queue, str, win } from '../dom.js';
import type { VendorDefinition } from '../types.js';

export const linkedinInsight: VendorDefinition = {
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
  load(params, context) {
    const w = win();
    w._linkedin_partner_id = str(params.id);
    queue('_linkedin_data_partner_ids').push(str(params.id));
    if (!w.lintrk) {
      const lintrk: any = (a: unknown, b: unknown) => lintrk.q.push([a, b]);
      lintrk.q = [];
      w.lintrk = lintrk;
    }
    injectScript('https://snap.licdn.com/li.lms-analytics/insight.min.js', context);
  },
};
