import { AMPLITUDE_COOKIES } from '../data/cookies.js';
import { injectScript, str, win } from '../dom.js';
import type { VendorDefinition } from '../types.js';

export const amplitude: VendorDefinition = {
  id: 'amplitude',
  name: 'Amplitude',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Records product usage events and page views to analyse how visitors use the site.',
  privacyPolicy: 'https://amplitude.com/privacy',
  hosts: ['cdn.amplitude.com', 'api2.amplitude.com', 'api.eu.amplitude.com', 'amplitude.com'],
  cookies: AMPLITUDE_COOKIES,
  storage: [{ prefix: 'AMP_' }, { prefix: 'amplitude_' }],
  idParam: { type: 'string', required: true, pattern: /^[a-f0-9]{32}$/, example: 'an API key of 32 hex digits' },
  load(params, context) {
    const key = str(params.id);
    injectScript(`https://cdn.amplitude.com/script/${encodeURIComponent(key)}.js`, context, (script) => {
      script.addEventListener('load', () => {
        const amp = win().amplitude;
        if (amp && typeof amp.init === 'function') amp.init(key, { fetchRemoteConfig: true, autocapture: true });
      });
    });
  },
};
