import { VWO_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const vwo = defineVendor({
  id: 'vwo',
  name: 'VWO',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Shows visitors different versions of pages in experiments and measures which one works better.',
  privacyPolicy: 'https://vwo.com/privacy-policy/',
  hosts: ['visualwebsiteoptimizer.com', 'dev.visualwebsiteoptimizer.com', 'vwo.com', 'wingify.com'],
  cookies: VWO_COOKIES,
  idParam: { type: 'string', required: false },
  // No loader: VWO's SmartCode must run synchronously in <head> to hide the page until the variation applies;
  // the site pastes it and Consentry holds it by these hosts until granted.
});
