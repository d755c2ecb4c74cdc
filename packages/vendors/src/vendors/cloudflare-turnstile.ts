import { CLOUDFLARE_TURNSTILE_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const cloudflareTurnstile = defineVendor({
  id: 'cloudflare-turnstile',
  name: 'Cloudflare Turnstile',
  category: 'functional',
  kind: 'widget',
  purpose: 'Protects forms against bots without puzzles by checking the visitor’s browser; Cloudflare receives the IP address.',
  privacyPolicy: 'https://www.cloudflare.com/privacypolicy/',
  hosts: ['challenges.cloudflare.com'],
  cookies: CLOUDFLARE_TURNSTILE_COOKIES,
  cookieless: 'Sets no cookie on the site; the widget\'s frame receives the visitor\'s IP address and browser signals.',
  idParam: { type: 'string', required: false },
  script: { src: 'https://challenges.cloudflare.com/turnstile/v0/api.js', defer: true },
});
