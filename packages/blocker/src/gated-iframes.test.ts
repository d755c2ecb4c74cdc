// @vitest-environment-options {"url":"https://www.shop.example.com/page","settings":{"handleDisabledFileLoadingAsSuccess":true}}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBlocker, createGuardBlocker } from './create-blocker.js';
import { createIframeGate } from './gated-iframes.js';
import { RULES, makeConsent, resetDom } from './test-utils/fixtures.js';
import type { Blocker } from './types.js';

let blocker: Blocker | undefined;
beforeEach(resetDom);
afterEach(() => {
  blocker?.destroy();
  blocker = undefined;
});

const EMBED = 'https://www.youtube-nocookie.com/embed/abc';

describe('gated iframes', () => {
  it('stays empty with an accessible placeholder in the same box until granted', () => {
    document.body.innerHTML = `<iframe data-src="${EMBED}" data-vendor="youtube" width="560" height="315" class="video" title="Talk"></iframe>`;
    blocker = createBlocker(makeConsent(), { rules: RULES });
    const iframe = document.querySelector('iframe')!;
    expect(iframe.getAttribute('src')).toBeNull();
    expect(iframe.style.display).toBe('none');
    const box = iframe.previousElementSibling as HTMLElement;
    expect(box.getAttribute('role')).toBe('group');
    expect(box.className).toBe('consentry-placeholder video');
    expect(box.style.width).toBe('560px');
    expect(box.style.height).toBe('315px');
    const title = document.getElementById(box.getAttribute('aria-labelledby')!);
    expect(title?.textContent).toBe('Content from YouTube');
    expect(box.textContent).toContain('until you allow YouTube');
    const button = box.querySelector('button')!;
    expect(button.type).toBe('button');
    expect(button.textContent).toBe('Load content');
    expect(button.getAttribute('aria-describedby')).toBe(title?.id);
  });

  it('"Load content" grants the vendor and its category through core, then loads the iframe', () => {
    document.body.innerHTML = `<iframe data-src="${EMBED}" data-vendor="youtube"></iframe>`;
    const consent = makeConsent({ vendors: { youtube: { category: 'targeting' } } });
    blocker = createBlocker(consent, { rules: RULES });
    document.querySelector<HTMLButtonElement>('.consentry-placeholder button')!.click();
    expect(consent.isGranted('targeting')).toBe(true);
    expect(consent.isGranted({ vendor: 'youtube' })).toBe(true);
    const iframe = document.querySelector('iframe')!;
    expect(iframe.getAttribute('src')).toBe(EMBED);
    expect(iframe.style.display).toBe('');
    expect(document.querySelector('.consentry-placeholder')).toBeNull();
  });

  it('"Load content" grants only that vendor, not the other vendors of its category', () => {
    document.body.innerHTML = `<iframe data-src="${EMBED}" data-vendor="youtube"></iframe>`;
    const consent = makeConsent({ vendors: { youtube: { category: 'targeting' }, 'meta-pixel': { category: 'targeting' } } });
    blocker = createBlocker(consent, { rules: RULES });
    document.querySelector<HTMLButtonElement>('.consentry-placeholder button')!.click();
    expect(consent.isGranted({ vendor: 'youtube' })).toBe(true);
    expect(consent.isGranted({ vendor: 'meta-pixel' })).toBe(false);
  });

  it('redraws open placeholders in another language with setTexts', () => {
    document.body.innerHTML = `<iframe data-src="${EMBED}" data-vendor="youtube" width="560" height="315"></iframe>`;
    blocker = createBlocker(makeConsent(), { rules: RULES });
    blocker.setTexts({ 'placeholder.title': 'Saturs no {name}', 'placeholder.button': 'Ielādēt saturu' });
    const boxes = document.querySelectorAll('.consentry-placeholder');
    expect(boxes).toHaveLength(1);
    expect(boxes[0]!.querySelector('p')!.textContent).toBe('Saturs no YouTube');
    expect(boxes[0]!.querySelector('button')!.textContent).toBe('Ielādēt saturu');
    expect(document.querySelector('iframe')!.style.display).toBe('none');
  });

  it('hands "Load content" to onLoadContent when given, naming the category for category-only markup', () => {
    document.body.innerHTML = `<iframe data-src="https://maps.example.net/embed" data-category="functional"></iframe>`;
    const onLoadContent = vi.fn();
    blocker = createBlocker(makeConsent(), { rules: RULES, onLoadContent });
    const box = document.querySelector('.consentry-placeholder')!;
    expect(box.textContent).toContain('Content from maps.example.net');
    box.querySelector('button')!.click();
    expect(onLoadContent).toHaveBeenCalledWith({ category: 'functional' });
  });

  it('uses translated texts, as text', () => {
    document.body.innerHTML = `<iframe data-src="${EMBED}" data-vendor="youtube"></iframe>`;
    blocker = createBlocker(makeConsent(), {
      rules: RULES,
      texts: { 'placeholder.title': '{name} saturs <b>', 'placeholder.button': 'Ielādēt saturu' },
    });
    const box = document.querySelector('.consentry-placeholder')!;
    expect(box.querySelector('p')?.textContent).toBe('YouTube saturs <b>');
    expect(box.querySelector('b')).toBeNull();
    expect(box.querySelector('button')?.textContent).toBe('Ielādēt saturu');
  });

  it('unloads the content and brings the placeholder back when consent is withdrawn', () => {
    document.body.innerHTML = `<iframe data-src="${EMBED}" data-category="targeting"></iframe>`;
    const consent = makeConsent();
    blocker = createBlocker(consent, { rules: RULES });
    consent.acceptAll();
    const iframe = document.querySelector('iframe')!;
    expect(iframe.getAttribute('src')).toBe(EMBED);
    consent.update({ targeting: false });
    expect(iframe.getAttribute('src')).toBe('about:blank');
    expect(document.querySelectorAll('.consentry-placeholder')).toHaveLength(1);
  });

  it('while the page is still parsing, a granted embed gets its src in the next task (Chromium would not navigate it otherwise)', async () => {
    const consent = makeConsent();
    consent.acceptAll(); // a returning visitor
    const parsing = vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    try {
      document.body.innerHTML = `<iframe data-src="${EMBED}" data-vendor="youtube" title="Talk"></iframe>`;
      blocker = createBlocker(consent, { rules: RULES });
      const iframe = document.querySelector('iframe')!;
      expect(iframe.getAttribute('src')).toBeNull();
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(iframe.getAttribute('src')).toBe(EMBED);
    } finally {
      parsing.mockRestore();
    }
  });
});

// Stage 1's blocker carries no placeholders: stage 2 hands the gate over.
describe('gated iframes in two stages', () => {
  it('stay empty without a placeholder until the gate is attached, then are drawn or released', async () => {
    document.body.innerHTML = `<iframe data-src="${EMBED}" data-vendor="youtube"></iframe><iframe id="map" data-src="https://www.google.com/maps/embed?pb=1" data-category="functional"></iframe>`;
    const consent = makeConsent({ categories: { functional: {}, targeting: {} }, vendors: { youtube: { category: 'targeting' } } });
    consent.update({ functional: true });
    blocker = createGuardBlocker(consent, { rules: RULES });
    const [video, map] = Array.from(document.querySelectorAll('iframe'));
    expect(video!.getAttribute('src')).toBeNull();
    expect(map!.getAttribute('src')).toBeNull();
    expect(document.querySelector('.consentry-placeholder')).toBeNull();
    // An auto-blocked embed added meanwhile is held the same way.
    const late = document.createElement('iframe');
    document.body.append(late);
    late.src = 'https://www.youtube.com/embed/xyz';
    expect(late.getAttribute('src') ?? 'about:blank').toBe('about:blank');
    expect(late.getAttribute('data-src')).toBe('https://www.youtube.com/embed/xyz');
    expect(document.querySelector('.consentry-placeholder')).toBeNull();

    blocker.attachIframes(createIframeGate);
    expect(document.querySelectorAll('.consentry-placeholder')).toHaveLength(2); // the video and the late embed
    expect(video!.style.display).toBe('none');
    await new Promise((r) => setTimeout(r, 0));
    expect(map!.getAttribute('src')).toBe('https://www.google.com/maps/embed?pb=1');
  });
});
