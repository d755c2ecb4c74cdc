// @vitest-environment-options {"url":"https://www.shop.example.com/","settings":{"handleDisabledFileLoadingAsSuccess":true}}
import { afterEach, beforeEach, expect, it } from 'vitest';
import { catalog } from './catalog.js';
import { createVendorLoader } from './create-vendor-loader.js';
import { makeConsent, resetPage, scriptUrls } from './test-utils/helpers.js';

// An embed vendor (YouTube, Vimeo, Google Maps) is configured site-wide, but its page script only
// belongs on a page that shows one of its embeds.
const cleanups: Array<() => void> = [];
beforeEach(resetPage);
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
const IFRAME_API = 'https://www.youtube.com/iframe_api';
const flush = () => new Promise((r) => setTimeout(r, 0));

it('does not load the YouTube IFrame API on a page without a YouTube embed, even after Accept all', () => {
  const consent = makeConsent({ vendors: { youtube: {}, 'google-analytics': { id: 'G-ABC1234' } } });
  const loader = createVendorLoader(consent, catalog);
  cleanups.push(loader.destroy);
  consent.acceptAll();
  expect(scriptUrls()).not.toContain(IFRAME_API);
  expect(scriptUrls()).toContain('https://www.googletagmanager.com/gtag/js?id=G-ABC1234');
  expect(loader.loaded()).toEqual(['google-analytics']);
});

it('does not load it for a privacy-enhanced (youtube-nocookie.com) embed the page does not script', () => {
  document.body.innerHTML = '<iframe title="v" data-src="https://www.youtube-nocookie.com/embed/x" data-vendor="youtube"></iframe>';
  const consent = makeConsent({ vendors: { youtube: {} } });
  cleanups.push(createVendorLoader(consent, catalog).destroy);
  consent.acceptAll();
  expect(scriptUrls()).toEqual([]);
});

it('loads it for a page that scripts players (onYouTubeIframeAPIReady), once granted', () => {
  (window as unknown as { onYouTubeIframeAPIReady?: () => void }).onYouTubeIframeAPIReady = () => {};
  cleanups.push(() => delete (window as unknown as { onYouTubeIframeAPIReady?: () => void }).onYouTubeIframeAPIReady);
  document.body.innerHTML = '<iframe title="v" data-src="https://www.youtube-nocookie.com/embed/x" data-vendor="youtube"></iframe>';
  const consent = makeConsent({ vendors: { youtube: {} } });
  cleanups.push(createVendorLoader(consent, catalog).destroy);
  consent.acceptAll();
  expect(scriptUrls()).toEqual([IFRAME_API]);
});

it('loads it on a page with a gated YouTube embed that asks for the player API, once granted', () => {
  document.body.innerHTML = '<iframe title="v" data-src="https://www.youtube-nocookie.com/embed/x?enablejsapi=1" data-vendor="youtube"></iframe>';
  const consent = makeConsent({ vendors: { youtube: {} } });
  cleanups.push(createVendorLoader(consent, catalog).destroy);
  expect(scriptUrls()).toEqual([]);
  consent.acceptAll();
  expect(scriptUrls()).toEqual([IFRAME_API]);
});

it('recognises an embed by its host alone (an unmarked iframe the blocker held)', () => {
  document.body.innerHTML = '<iframe title="v" data-src="https://www.youtube.com/embed/x?enablejsapi=1" data-category="targeting"></iframe>';
  const consent = makeConsent({ vendors: { youtube: {} } });
  cleanups.push(createVendorLoader(consent, catalog).destroy);
  consent.acceptAll();
  expect(scriptUrls()).toEqual([IFRAME_API]);
});

it('loads it when an embed appears later (the next view of a single-page app)', async () => {
  const consent = makeConsent({ vendors: { youtube: {} } });
  const loader = createVendorLoader(consent, catalog);
  cleanups.push(loader.destroy);
  consent.acceptAll();
  await flush();
  expect(scriptUrls()).toEqual([]);
  const frame = document.createElement('iframe');
  frame.setAttribute('data-src', 'https://www.youtube-nocookie.com/embed/y?enablejsapi=1');
  frame.setAttribute('data-vendor', 'youtube');
  document.body.append(frame);
  await flush();
  expect(scriptUrls()).toEqual([IFRAME_API]);
  expect(loader.loaded()).toEqual(['youtube']);
});

it('never loads it without consent, embed or not', async () => {
  document.body.innerHTML = '<iframe title="v" data-src="https://www.youtube-nocookie.com/embed/x" data-vendor="youtube"></iframe>';
  const consent = makeConsent({ vendors: { youtube: {} } });
  cleanups.push(createVendorLoader(consent, catalog).destroy);
  consent.rejectAll();
  await flush();
  expect(scriptUrls()).toEqual([]);
});
