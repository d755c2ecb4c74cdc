import { PAYPAL_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const paypal = defineVendor({
  id: 'paypal',
  name: 'PayPal',
  category: 'functional',
  kind: 'widget',
  purpose: 'Processes payments and checks them for fraud using details of the visitor’s device.',
  privacyPolicy: 'https://www.paypal.com/webapps/mpp/ua/privacy-full',
  hosts: ['www.paypal.com/sdk', 'paypalobjects.com', 'paypal.com'],
  cookies: PAYPAL_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^[A-Za-z0-9_-]{20,90}$/, example: 'a client id from the PayPal developer dashboard' },
  script: { src: 'https://www.paypal.com/sdk/js?client-id={id}' },
});
