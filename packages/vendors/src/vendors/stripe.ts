import { STRIPE_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const stripe = defineVendor({
  id: 'stripe',
  name: 'Stripe',
  category: 'functional',
  kind: 'widget',
  purpose: 'Processes payments and checks them for fraud using details of the visitor’s device.',
  privacyPolicy: 'https://stripe.com/privacy',
  hosts: ['js.stripe.com', 'm.stripe.network', 'm.stripe.com', 'stripe.network'],
  cookies: STRIPE_COOKIES,
  idParam: { type: 'string', required: false },
  script: { src: 'https://js.stripe.com/v3/' },
});
