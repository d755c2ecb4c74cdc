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
  storage: [{ prefix: 'AMP_' }, { prefix: 'amplitude_' }, { prefix: 'amp_' }],
  indexedDB: [{ prefix: 'AMP_' }, { prefix: 'amplitude' }],
  idParam: { type: 'string', required: true, pattern: /^[a-f0-9]{32}$/, example: 'an API key of 32 hex digits' },
  consent(granted) {
    // Also queued by the official snippet's stub, which replays it in order once the SDK loads.
    const amp = win().amplitude;
    if (typeof amp?.setOptOut === 'function') amp.setOptOut(!granted);
  },
  load(params, context) {
    // The site pasted Amplitude's own snippet (its stub sets `invoked`): one copy only.
    if (win().amplitude?.invoked) return;
    const key = str(params.id);
    injectScript(`https://cdn.amplitude.com/script/${encodeURIComponent(key)}.js`, context, (script) => {
      script.addEventListener('load', () => {
        const amp = win().amplitude;
        if (amp && typeof amp.init === 'function') amp.init(key, { fetchRemoteConfig: true, autocapture: true });
      });
    });
  },
};
