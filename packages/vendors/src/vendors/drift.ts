import { DRIFT_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const drift = defineVendor({
  id: 'drift',
  name: 'Drift (Salesloft)',
  category: 'functional',
  kind: 'chat',
  purpose: 'Provides the live chat widget and remembers the conversation across pages.',
  privacyPolicy: 'https://www.salesloft.com/legal/privacy-notice',
  hosts: ['drift.com', 'driftt.com', 'js.driftt.com'],
  cookies: DRIFT_COOKIES,
  idParam: { type: 'string', required: false },
  // No loader: Drift's snippet builds its script URL from a time slot at run time; the site pastes it and
  // Consentry holds it by these hosts until granted.
});
