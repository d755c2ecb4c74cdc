// @vitest-environment-options {"url":"https://www.shop.example.com/page","settings":{"enableJavaScriptEvaluation":true,"suppressInsecureJavaScriptEnvironmentWarning":true,"disableJavaScriptFileLoading":true,"handleDisabledFileLoadingAsSuccess":true,"disableIframePageLoading":true}}
// The attribute check and the markup cleaning, through the page's own APIs (the Chromium suite,
// packages/browser/e2e/auto-block.e2e.test.ts, measures the same routes by real requests).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

describe('every attribute route goes through one check', () => {
  it('a held script keeps text/plain whatever is done to its type, and is released with the type asked for', () => {
    const consent = makeConsent();
    blocker = createBlocker(consent, { rules: RULES });
    const scripts = [0, 1, 2, 3].map(() => {
      const s = document.createElement('script');
      s.setAttribute('type', 'text/plain'); // inert by type: not held yet
      s.src = HJ;
      return s;
    });
    scripts[0]!.removeAttribute('type');
    scripts[1]!.toggleAttribute('type');
    scripts[2]!.getAttributeNode('type')!.value = 'module';
    scripts[3]!.attributes.removeNamedItem('type');
    document.head.append(...scripts);
    expect(scripts.map((s) => s.getAttribute('type'))).toEqual(['text/plain', 'text/plain', 'text/plain', 'text/plain']);
    expect(rec.log).toEqual([]);
    consent.update({ statistics: true });
    // toggleAttribute asked for type="" (executable): released without a type, the same thing.
    expect(scripts.map((s) => s.getAttribute('type'))).toEqual([null, null, 'module', null]);
  });

  it('a copy of a held script cannot be made executable', () => {
    blocker = createBlocker(makeConsent(), { rules: RULES });
    const s = document.createElement('script');
    s.src = HJ;
    const copy = s.cloneNode() as HTMLScriptElement;
    copy.removeAttribute('type');
    copy.setAttributeNS(null, 'type', 'text/javascript');
    document.head.append(copy);
    expect(copy.getAttribute('type')).toBe('text/plain');
    expect(rec.log).toEqual([]);
  });

  it('does not write a vendor URL on pixels, media and hints, and leaves links and first-party URLs alone', () => {
    blocker = createBlocker(makeConsent(), { rules: RULES });
    const img = document.createElement('img');
    img.srcset = `${PIXEL} 1x, /own.png 2x`;
    const link = document.createElement('link');
    link.setAttribute('href', HJ);
    const video = document.createElement('video');
    video.poster = PIXEL;
    const own = document.createElement('img');
    own.setAttribute('src', '/logo.png');
    const a = document.createElement('a');
    a.href = 'https://www.facebook.com/our-page'; // a link the visitor may follow is not a request
    a.setAttribute('ping', PIXEL);
    expect([img.getAttribute('srcset'), link.getAttribute('href'), video.getAttribute('poster'), a.getAttribute('ping')]).toEqual([null, null, null, null]);
    expect(own.getAttribute('src')).toBe('/logo.png');
    expect(a.getAttribute('href')).toBe('https://www.facebook.com/our-page');
  });

  it('never gives a frame a javascript: or data: document', () => {
    blocker = createBlocker(makeConsent(), { rules: RULES });
    const f = document.createElement('iframe');
    f.src = 'javascript:"<script>alert(1)<\/script>"';
    f.setAttribute('src', 'data:text/html,<script>alert(1)</script>');
    expect(f.getAttribute('src')).toBeNull();
  });

  it('gives every srcdoc the realm bootstrap (with the nonce) and cleans its markup', () => {
    blocker = createBlocker(makeConsent(), { rules: RULES, nonce: 'n0nce' });
    const f = document.createElement('iframe');
    f.srcdoc = `<p>hi</p><img src="${PIXEL}">`;
    expect(f.getAttribute('srcdoc')).toBe('<script nonce="n0nce">(frameElement||0).contentWindow</script><p>hi</p><img>');
    f.srcdoc = f.srcdoc; // read back and written again: not prefixed twice
    expect(f.getAttribute('srcdoc')?.match(/frameElement/g)).toHaveLength(1);
  });
});

describe('HTML given as a string', () => {
  it('passes markup without a vendor URL through untouched, and cleans the rest before parsing', () => {
    blocker = createBlocker(makeConsent(), { rules: RULES });
    const div = document.createElement('div');
    document.body.append(div);
    div.innerHTML = '<table><tr><td>1</td></tr></table><a href="https://www.facebook.com/x">x</a>';
    expect(div.innerHTML).toBe('<table><tbody><tr><td>1</td></tr></tbody></table><a href="https://www.facebook.com/x">x</a>');
    div.insertAdjacentHTML('beforeend', `<img src="${PIXEL}" alt="p"><img src="/own.png">`);
    expect(Array.from(div.querySelectorAll('img'), (i) => i.getAttribute('src'))).toEqual([null, '/own.png']);
  });

  it('takes a vendor URL out of nodes adopted from another document before they arrive', () => {
    blocker = createBlocker(makeConsent(), { rules: RULES });
    // Parsed in another document: no attribute API of ours saw the URL.
    // (happy-dom's document does not inherit the global Document.prototype, so importNode and
    // adoptNode are measured in Chromium only; insertion is shared Node/Element API.)
    const doc = new DOMParser().parseFromString(`<img src="${PIXEL}"><p><img src="${PIXEL}"></p>`, 'text/html');
    const [first, second] = Array.from(doc.querySelectorAll('img'));
    document.body.append(first!, doc.querySelector('p')!);
    expect([first!.getAttribute('src'), second!.getAttribute('src')]).toEqual([null, null]);
  });

  it('restores every native method and accessor on destroy', () => {
    const natives = [Element.prototype.setAttribute, Element.prototype.toggleAttribute, Node.prototype.appendChild, Document.prototype.write];
    const innerHTML = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML');
    createBlocker(makeConsent(), { rules: RULES }).destroy();
    expect([Element.prototype.setAttribute, Element.prototype.toggleAttribute, Node.prototype.appendChild, Document.prototype.write]).toEqual(natives);
    expect(Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')).toEqual(innerHTML);
  });
});
