import { MAILCHIMP_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const mailchimp = defineVendor({
  id: 'mailchimp',
  name: 'Mailchimp',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Links visits to the site’s mailing list to personalise marketing emails and measure campaigns.',
  privacyPolicy: 'https://www.intuit.com/privacy/statement/',
  hosts: ['chimpstatic.com', 'list-manage.com', 'mailchimp.com'],
  cookies: MAILCHIMP_COOKIES,
  idParam: { type: 'string', required: false },
  // No loader: the site pastes the vendor's own tag; Consentry holds it by these hosts until granted.
});
