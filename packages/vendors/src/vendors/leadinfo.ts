import { LEADINFO_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const leadinfo = defineVendor({
  id: 'leadinfo',
  name: 'Leadinfo',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Identifies the companies that visit the site from their network address, for sales follow-up.',
  privacyPolicy: 'https://www.leadinfo.com/en/privacy/',
  hosts: ['leadinfo.net', 'cdn.leadinfo.net', 'leadinfo.com'],
  cookies: LEADINFO_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^LI-[A-Z0-9]{6,14}$/, example: 'a site id like LI-5F1A2B3C4D' },
  stubs: [{ name: 'leadinfo', queue: 'q', props: { t: '{id}' } }],
  init: [{ push: 'GlobalLeadinfoNamespace', items: ['leadinfo'] }],
  script: { src: 'https://cdn.leadinfo.net/ping.js' },
});
