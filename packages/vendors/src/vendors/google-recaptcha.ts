import { GOOGLE_RECAPTCHA_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const googleRecaptcha = defineVendor({
  id: 'google-recaptcha',
  name: 'Google reCAPTCHA',
  category: 'functional',
  kind: 'widget',
  purpose: 'Protects forms against bots by checking the visitor’s browser; the provider receives the IP address.',
  privacyPolicy: 'https://policies.google.com/privacy',
  hosts: ['www.google.com/recaptcha', 'www.gstatic.com/recaptcha', 'recaptcha.net'],
  cookies: GOOGLE_RECAPTCHA_COOKIES,
  idParam: { type: 'string', required: false },
  script: { src: 'https://www.google.com/recaptcha/api.js', defer: true },
});
