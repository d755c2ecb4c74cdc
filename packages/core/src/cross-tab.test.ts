// Two engines on one document share its real cookie jar, like two tabs of one site share the
// browser's: what one decides or withdraws reaches the other without a reload, as a `change`.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConsent } from './consent.js';
import type { ConsentConfig, ConsentEvent } from './types.js';

let n = 0;
const configs: string[] = [];
function tabs(): { a: ReturnType<typeof createConsent>; b: ReturnType<typeof createConsent>; name: string; events: ConsentEvent[] } {
  // A cookie name per test, so engines left from earlier tests never see this one's messages.
  const name = `ct${++n}`;
  configs.push(name);
  const config: ConsentConfig = { cookie: { name }, categories: { statistics: {}, targeting: {} }, vendors: { hotjar: { id: '1', category: 'statistics' } } };
  const a = createConsent(config, { gpc: false, secure: false });
  const b = createConsent(config, { gpc: false, secure: false });
  const events: ConsentEvent[] = [];
  b.subscribe((e) => events.push(e));
  return { a, b, name, events };
}
afterEach(() => {
  for (const name of configs.splice(0)) document.cookie = `${name}=; path=/; max-age=0`;
});

describe('consent across tabs', () => {
  it('a decision in one tab reaches the other as a change (no decision event: no second proof)', async () => {
    const { a, b, events } = tabs();
    a.acceptAll();
    await vi.waitFor(() => expect(b.getState().status).toBe('decided'));
    expect(b.getState()).toMatchObject({ consentId: a.getState().consentId, choices: { statistics: true, targeting: true }, vendors: { hotjar: true } });
    expect(events.map((e) => e.type)).toEqual(['change']);
    expect(events[0]).toMatchObject({ granted: { categories: ['statistics', 'targeting'], vendors: ['hotjar'] } });
  });

  it('a withdrawal in one tab revokes in the other, naming what was revoked', async () => {
    const { a, b, events } = tabs();
    a.acceptAll();
    await vi.waitFor(() => expect(b.isGranted({ vendor: 'hotjar' })).toBe(true));
    a.update({ statistics: false });
    await vi.waitFor(() => expect(b.isGranted({ vendor: 'hotjar' })).toBe(false));
    expect(events.at(-1)).toMatchObject({ type: 'change', revoked: { categories: ['statistics'], vendors: ['hotjar'] } });
  });

  it('re-reading the decision this tab just wrote (its own cookie-change event, focus) announces nothing', () => {
    const { a } = tabs();
    a.acceptAll();
    const seen: ConsentEvent[] = [];
    a.subscribe((e) => seen.push(e));
    const before = a.getState();
    a.refresh();
    window.dispatchEvent(new Event('focus'));
    expect(seen).toEqual([]);
    expect(a.getState()).toBe(before);
  });

  it('a reset in one tab brings the other back to undecided', async () => {
    const { a, b } = tabs();
    a.rejectAll();
    await vi.waitFor(() => expect(b.getState().status).toBe('decided'));
    a.reset();
    await vi.waitFor(() => expect(b.getState().status).toBe('undecided'));
  });

  it('without a message (another frame or an old browser), focus and visibility re-read the cookie', async () => {
    const { name, b } = tabs();
    await new Promise((r) => setTimeout(r, 30)); // b listens (its idle-time catch-up is done)
    const writer = createConsent({ cookie: { name }, categories: { statistics: {}, targeting: {} }, vendors: { hotjar: { id: '1', category: 'statistics' } } }, { gpc: false, secure: false, crossTab: false });
    writer.acceptAll();
    await new Promise((r) => setTimeout(r, 30));
    expect(b.getState().status).toBe('undecided');
    window.dispatchEvent(new Event('focus'));
    expect(b.getState().status).toBe('decided');
  });

  it('the message is checked like the cookie: a tampered or garbage value grants nothing', async () => {
    const { a, b, name } = tabs();
    a.acceptAll();
    await vi.waitFor(() => expect(b.getState().status).toBe('decided'));
    a.reset();
    await vi.waitFor(() => expect(b.getState().status).toBe('undecided'));
    const channel = new BroadcastChannel(`consentry:${name}`);
    channel.postMessage(`1.${'0'.repeat(32)}.1.zzzzzzzz.7.a0.x..bad`);
    channel.postMessage({ choices: { statistics: true } });
    channel.close();
    await new Promise((r) => setTimeout(r, 50));
    expect(b.getState().status).toBe('undecided');
    expect(b.isGranted('statistics')).toBe(false);
  });

  it('opens its channel once the browser is idle, not during start-up (its set-up showed in the guard profile before the first paint), and catches up on what it missed', async () => {
    const Native = globalThis.BroadcastChannel;
    let opened = 0;
    globalThis.BroadcastChannel = class extends Native {
      constructor(name: string) {
        super(name);
        opened++;
      }
    };
    try {
      const { name, b } = tabs();
      expect(opened).toBe(0);
      // Another tab decides before this one listens: its message is lost, the cookie is not.
      createConsent({ cookie: { name }, categories: { statistics: {}, targeting: {} }, vendors: { hotjar: { id: '1', category: 'statistics' } } }, { gpc: false, secure: false, crossTab: false }).acceptAll();
      await vi.waitFor(() => expect(opened).toBe(2));
      expect(b.getState().status).toBe('decided');
    } finally {
      globalThis.BroadcastChannel = Native;
    }
  });

  it('an injected cookie store (SSR, tests) starts no cross-tab listener unless asked', () => {
    const add = vi.spyOn(window, 'addEventListener');
    createConsent({}, { cookies: { get: () => undefined, set() {}, remove() {} } });
    expect(add.mock.calls.filter(([type]) => type === 'focus')).toEqual([]);
    add.mockRestore();
  });
});
