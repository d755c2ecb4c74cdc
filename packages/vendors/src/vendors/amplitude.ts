import { AMPLITUDE_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const amplitude = defineVendor({
  id: 'amplitude',
  name: 'Amplitude',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Records product usage events and page views to analyse how visitors use the site.',
  privacyPolicy: 'https://amplitude.com/privacy',
  hosts: ['cdn.amplitude.com', 'api2.amplitude.com', 'api.eu.amplitude.com', 'amplitude.com'],
  cookies: AMPLITUDE_COOKIES,
  storage: [{ prefix: 'AMP_' }, { prefix: 'amplitude_' }, { prefix: 'amp_' }],
  indexedDB: [{ prefix: 'AMP_' }, { prefix: 'amplitude' }],
  idParam: { type: 'string', required: true, pattern: /^[a-f0-9]{32}$/, example: 'an API key of 32 hex digits' },
  // The site pasted Amplitude's own snippet (its stub sets `invoked`): one copy only.
  skip: ['amplitude.invoked'],
  script: { src: 'https://cdn.amplitude.com/script/{id}.js', onload: [{ call: 'amplitude.init', args: ['{id}', { fetchRemoteConfig: true, autocapture: true }] }] },
  // Also queued by the official snippet's stub, which replays it in order once the SDK loads.
  consent: { granted: [{ call: 'amplitude.setOptOut', args: [false] }], denied: [{ call: 'amplitude.setOptOut', args: [true] }] },
});
