import { POSTHOG_COOKIES } from '../data/cookies.js';
import { injectScript, queueAt, win } from '../dom.js';
import { defineVendor, installStub } from '../engine.js';


export const posthog = defineVendor({
  id: 'posthog',
  name: 'PostHog',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Records product usage events and, if enabled, session recordings to analyse how visitors use the site.',
  privacyPolicy: 'https://posthog.com/privacy',
  hosts: ['posthog.com'],
  hostParam: 'host',
  cookies: POSTHOG_COOKIES,
  storage: [{ prefix: 'ph_' }, { prefix: '__ph_opt_in_out_' }],
  idParam: { type: 'string', required: true, pattern: /^phc_[A-Za-z0-9]{20,64}$/, example: 'a project API key like phc_…' },
  params: { host: { type: 'string', pattern: /^https:\/\/[^\s/?#]+\/?$/, example: 'the API host like https://eu.i.posthog.com' } },
  defaults: { host: 'https://eu.i.posthog.com' },
  // Code: the script comes from the assets host that belongs to the configured API host.
  hook: (params, context) => {
    const w = win();
    const ph = w.posthog as { __loaded?: unknown; __SV?: unknown } | undefined;
    // Loaded already, or the site pasted PostHog's own snippet (its stub sets __SV): one copy only.
    if (ph && (ph.__loaded || ph.__SV)) return;
    const api = String(params.host || 'https://eu.i.posthog.com').replace(/\/+$/, '');
    installStub({ name: 'posthog', array: true, methods: ['capture', 'identify', 'alias', 'reset', 'register', 'register_once', 'unregister', 'group', 'opt_in_capturing', 'opt_out_capturing', 'startSessionRecording', 'stopSessionRecording', 'onFeatureFlags', 'isFeatureEnabled', 'getFeatureFlag', 'reloadFeatureFlags'], props: { __SV: 1 } });
    queueAt('posthog._i').push([String(params.id), { api_host: api, person_profiles: 'identified_only' }, 'posthog']);
    injectScript(`${api.replace('.i.posthog.com', '-assets.i.posthog.com')}/static/array.js`, context, (s) => {
      s.crossOrigin = 'anonymous';
    });
  },
  consent: {
    granted: [{ call: 'posthog.opt_in_capturing', when: 'posthog.has_opted_out_capturing' }],
    denied: [{ call: 'posthog.opt_out_capturing', when: 'posthog.__loaded' }],
  },
});
