import { PINTEREST_TAG_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const pinterestTag = defineVendor({
  id: 'pinterest-tag',
  name: 'Pinterest Tag',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Measures conversions from Pinterest ads and builds audiences to show visitors ads on Pinterest.',
  privacyPolicy: 'https://policy.pinterest.com/privacy-policy',
  hosts: ['s.pinimg.com', 'ct.pinterest.com', 'pinterest.com'],
  cookies: PINTEREST_TAG_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^\d{10,16}$/, example: 'a tag id of digits like 2612345678901' },
  stubs: [{ name: 'pintrk', props: { version: '3.0' } }],
  init: [{ call: 'pintrk', args: ['load', '{id}'] }, { call: 'pintrk', args: ['page'] }],
  script: { src: 'https://s.pinimg.com/ct/core.js' },
});
