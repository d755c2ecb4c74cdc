import { LEADFEEDER_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const leadfeeder = defineVendor({
  id: 'leadfeeder',
  name: 'Leadfeeder (Dealfront)',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Identifies the companies that visit the site from their network address, for sales follow-up.',
  privacyPolicy: 'https://www.dealfront.com/privacy-policy/',
  hosts: ['lfeeder.com', 'sc.lfeeder.com', 'leadfeeder.com'],
  cookies: LEADFEEDER_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^[A-Za-z0-9]{16}$/, example: 'a tracker id of 16 letters and digits like YEgkB8lAmWn4ep3Z' },
  stubs: [{ name: 'ldfdr', queue: '_q' }],
  script: { src: 'https://sc.lfeeder.com/lftracker_v1_{id}.js' },
});
