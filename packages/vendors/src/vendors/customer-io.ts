import { CUSTOMER_IO_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const customerIo = defineVendor({
  id: 'customer-io',
  name: 'Customer.io',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Links visits to the site’s mailing list to personalise marketing emails and measure campaigns.',
  privacyPolicy: 'https://customer.io/legal/privacy-policy',
  hosts: ['customer.io', 'assets.customer.io', 'track.customer.io', 'track-eu.customer.io'],
  cookies: CUSTOMER_IO_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^[a-f0-9]{20}$/, example: 'a site id of 20 hex digits' },
  stubs: [{ name: '_cio', array: true, methods: ['load', 'identify', 'sidentify', 'track', 'page', 'on', 'off'] }],
  script: { src: 'https://assets.customer.io/assets/track.js', id: 'cio-tracker', data: { 'site-id': '{id}' } },
});
