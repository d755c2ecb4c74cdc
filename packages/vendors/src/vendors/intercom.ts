import { INTERCOM_COOKIES } from '../data/cookies.js';
import { injectScript, win } from '../dom.js';
import { defineVendor, installStub } from '../engine.js';

export const intercom = defineVendor({
  id: 'intercom',
  name: 'Intercom',
  category: 'functional',
  kind: 'chat',
  purpose: 'Provides the support chat and remembers the conversation across pages and visits.',
  privacyPolicy: 'https://www.intercom.com/legal/privacy',
  hosts: ['widget.intercom.io', 'intercom.io', 'intercomcdn.com', 'intercomassets.com', 'intercom.com'],
  cookies: INTERCOM_COOKIES,
  storage: [{ prefix: 'intercom.' }],
  idParam: { type: 'string', required: true, pattern: /^[a-z0-9]{8}$/, example: 'a workspace (app) id like abc12345' },
  params: { apiBase: { type: 'string', pattern: /^https:\/\/api-iam(\.eu|\.au)?\.intercom\.io$/, example: 'https://api-iam.eu.intercom.io for EU workspaces' } },
  // Code: a messenger already on the page is re-attached and updated rather than loaded twice.
  hook: (params, context) => {
    const w = win();
    const appId = String(params.id);
    w.intercomSettings = { ...(w.intercomSettings as object | undefined), app_id: appId, api_base: String(params.apiBase || 'https://api-iam.intercom.io') };
    if (typeof w.Intercom === 'function') {
      const intercom = w.Intercom as (...args: unknown[]) => void;
      intercom('reattach_activator');
      intercom('update', w.intercomSettings);
      return;
    }
    installStub({ name: 'Intercom', queue: 'q' });
    injectScript(`https://widget.intercom.io/widget/${encodeURIComponent(appId)}`, context);
  },
});
