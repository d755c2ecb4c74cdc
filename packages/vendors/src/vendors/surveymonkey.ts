import { SURVEYMONKEY_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const surveymonkey = defineVendor({
  id: 'surveymonkey',
  name: 'SurveyMonkey',
  category: 'statistics',
  kind: 'widget',
  purpose: 'Shows feedback surveys and remembers whether the visitor has already answered or closed them.',
  privacyPolicy: 'https://www.surveymonkey.com/mp/legal/privacy/',
  hosts: ['surveymonkey.com', 'widget.surveymonkey.com'],
  cookies: SURVEYMONKEY_COOKIES,
  idParam: { type: 'string', required: false },
  // No loader: the site pastes the vendor's own tag; Consentry holds it by these hosts until granted.
});
