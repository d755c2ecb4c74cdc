// @vitest-environment-options {"url":"https://www.shop.example.com/page","settings":{"enableJavaScriptEvaluation":true,"suppressInsecureJavaScriptEnvironmentWarning":true,"disableJavaScriptFileLoading":true,"handleDisabledFileLoadingAsSuccess":true,"disableIframePageLoading":true}}
// The element routes of issue 18 that happy-dom can show; Chromium measures them by real requests
// (packages/browser/e2e/routes-markup.e2e.test.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { frameUrlRefused, isExecutableType, schemeOf, watchedName } from './attr-check.js';
import { createBlocker } from './create-blocker.js';
import { RULES, makeConsent, recordExecution, resetDom } from './test-utils/fixtures.js';
import type { Blocker } from './types.js';

const HJ = 'https://static.hotjar.com/c/hotjar-1.js';
const PIXEL = 'https://www.facebook.com/tr?id=1';
let blocker: Blocker | undefined;
let rec: ReturnType<typeof recordExecution>;
beforeEach(() => {
  resetDom();
  rec = recordExecution();
});
afterEach(() => {
  blocker?.destroy();
  blocker = undefined;
  rec.stop();
});

describe('what the check reads as the browser does', () => {
  it('runs every JavaScript MIME type essence of the HTML standard, in any case and with spaces around', () => {
    for (const t of ['text/jscript', 'text/livescript', 'text/javascript1.0', 'text/javascript1.5', ' TEXT/JScript\n', 'application/x-javascript', '', 'module', 'text/javascript; charset=utf-8']) {
      expect([t, isExecutableType(t)]).toEqual([t, true]);
    }
    for (const t of ['text/plain', 'application/json', 'importmap', 'text/template', 'text/javascript2.0']) expect([t, isExecutableType(t)]).toEqual([t, false]);
  });

  it('watches an attribute under any case and any namespace prefix, and nothing else', () => {
    expect(['src', 'SRC', 'xlink:href', 'foo:href', 'http-equiv', 'values'].map(watchedName)).toEqual(['src', 'src', 'href', 'href', 'http-equiv', 'values']);
    expect(['class', 'data-src', 'data-index', 'alt', 'foo:bar'].map(watchedName)).toEqual([null, null, null, null, null]);
  });

  it('reads a scheme past tabs, newlines and leading control characters, and refuses frame documents it cannot intercept in', () => {
    expect([schemeOf('java\tscript:x'), schemeOf('\x01 da\nta:text/html,x'), schemeOf('/path:x'), schemeOf('https://a')]).toEqual(['javascript', 'data', '', 'https']);
    expect(['java\nscript:1', '\x10data:text/html,x', 'blob:https://www.shop.example.com/unknown', 'filesystem:x'].map((u) => frameUrlRefused(u))).toEqual([true, true, true, true]);
    expect(['/embed', 'https://www.youtube.com/embed/x', 'about:blank'].map((u) => frameUrlRefused(u))).toEqual([false, false, false]);
    // An <object> may still show a raster image from data:, never a document.
    expect([frameUrlRefused('data:image/png;base64,AA', true), frameUrlRefused('data:image/svg+xml,<svg/>', true)]).toEqual([false, true]);
  });
});

describe('element routes', () => {
  it('checks the string the browser gets: a value whose toString changes cannot pass as first party', () => {
    blocker = createBlocker(makeConsent(), { rules: RULES });
    const flip = () => {
      let n = 0;
      return { toString: () => (n++ ? PIXEL : '/own.png') };
    };
    const img = document.createElement('img');
    img.src = flip() as unknown as string;
    const img2 = document.createElement('img');
    img2.setAttribute('src', flip() as unknown as string);
    expect([img.getAttribute('src'), img2.getAttribute('src')]).toEqual(['/own.png', '/own.png']);
  });

  it("never calls the element's own setAttribute while holding it", () => {
    blocker = createBlocker(makeConsent(), { rules: RULES });
    const s = document.createElement('script');
    const calls: unknown[] = [];
    s.setAttribute = (...a: unknown[]) => void calls.push(a);
    s.src = HJ; // (happy-dom's own src setter calls setAttribute('src'): a browser's does not)
    expect(calls.map((c) => (c as string[])[0]).filter((name) => name !== 'src')).toEqual([]);
    expect(s.getAttribute('type')).toBe('text/plain');
  });

  it('refuses SMIL values, meta refresh targets and frame schemes with whitespace', () => {
    blocker = createBlocker(makeConsent(), { rules: RULES });
    const set = document.createElementNS('http://www.w3.org/2000/svg', 'set');
    set.setAttribute('to', PIXEL);
    const meta = document.createElement('meta');
    meta.setAttribute('content', `0;url=${PIXEL}`);
    meta.setAttribute('http-equiv', 'Refresh');
    const og = document.createElement('meta');
    og.setAttribute('content', 'https://www.facebook.com/our-page'); // not a refresh: a page link stays
    const f = document.createElement('iframe');
    f.src = 'java\tscript:alert(1)';
    expect([set.getAttribute('to'), meta.getAttribute('http-equiv'), og.getAttribute('content'), f.getAttribute('src')]).toEqual([null, null, 'https://www.facebook.com/our-page', null]);
  });

  it('cleans declarative shadow DOM in markup, and leaves first-party markup exactly as written', () => {
    blocker = createBlocker(makeConsent(), { rules: RULES });
    const f = document.createElement('iframe');
    f.srcdoc = `<template shadowrootmode="closed"><img src="${PIXEL}"></template>`;
    expect(f.getAttribute('srcdoc')).not.toContain('facebook');
    const html = `<p><img src='/a.png' alt="x"><img srcset="/b.png 1x, https://www.shop.example.com/c.png 2x"></p>`;
    const box = document.createElement('div');
    box.innerHTML = html;
    expect(box.querySelectorAll('img')[1]!.getAttribute('srcset')).toBe('/b.png 1x, https://www.shop.example.com/c.png 2x');
    // A character reference could spell a scheme: such values are parsed and checked.
    box.innerHTML = '<img src="https&#58;//www.facebook.com/tr">';
    expect(box.querySelector('img')!.getAttribute('src')).toBeNull();
  });
});

describe('sweeping markup that reached the page without a hook', () => {
  it('keeps a held script held and remembers its real type (a parser-inserted copy is swept again)', async () => {
    const consent = makeConsent();
    blocker = createBlocker(consent, { rules: RULES });
    const s = document.createElement('script');
    s.async = true;
    s.src = HJ;
    document.head.append(s);
    const { sweep } = await import('./markup.js');
    const { createAttrCheck } = await import('./attr-check.js');
    // The observer's sweep of the same node (what happens to a snippet's script inserted during parsing).
    sweep(createAttrCheck({ trusted: new WeakSet(), hosts: () => null } as never, { scripts: true, images: true, onIframeHeld() {} }, (h) => h), s);
    expect(s.getAttribute('type')).toBe('text/plain');
    consent.update({ statistics: true });
    expect(s.getAttribute('type')).toBeNull();
  });
});
