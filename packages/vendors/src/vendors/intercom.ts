import { INTERCOM_COOKIES } from '../data/cookies.js';
import { injectScript, str, win } from '../dom.js';
import type { VendorDefinition } from '../types.js';

export const intercom: VendorDefinition = {
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
  load(params, context) {
    const w = win();
    const appId = str(params.id);
    w.intercomSettings = { ...(w.intercomSettings ?? {}), app_id: appId, api_base: str(params.apiBase || 'https://api-iam.intercom.io') };
    if (typeof w.Intercom === 'function') {
      w.Intercom('reattach_activator');
      w.Intercom('update', w.intercomSettings);
      return;
    }
    const stub: any = (...args: unknown[]) => stub.c(args);
    stub.q = [];
    stub.c = (args: unknown[]) => stub.q.push(args);
    w.Intercom = stub;
    injectScript(`https://widget.intercom.io/widget/${encodeURIComponent(appId)}`, context);
  },
};
