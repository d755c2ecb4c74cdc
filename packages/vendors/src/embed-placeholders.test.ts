// @vitest-environment-options {"url":"https://www.shop.example.com/","settings":{"disableJavaScriptFileLoading":true,"handleDisabledFileLoadingAsSuccess":true}}
// Every embed vendor in the catalog gets the blocker's placeholder with its name and a "Load content"
// button that grants that vendor only, and its hosts hold an unmarked embed of it.
import { createBlocker, type Blocker } from '@consentry/blocker';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { toBlockerRules } from './adapters.js';
import { catalog } from './catalog.js';
import { makeConsent, resetPage } from './test-utils/helpers.js';

const embeds = Object.values(catalog).filter((d) => d.kind === 'embed');
let blocker: Blocker | undefined;
beforeEach(resetPage);
afterEach(() => {
  blocker?.destroy();
  blocker = undefined;
});

it('has the embeds the issue names', () => {
  expect(embeds.map((d) => d.id)).toEqual(expect.arrayContaining(['youtube', 'vimeo', 'google-maps', 'spotify', 'instagram', 'x-embed']));
});

it.each(embeds.map((d) => [d.id, d] as const))('%s: placeholder with its name, click to load grants it alone', (id, def) => {
  const [host = '', ...path] = def.hosts[0]!.split('/');
  const url = `https://${host}/${path.length ? `${path.join('/')}/` : ''}embed/x`;
  // Another vendor of the same category that needs no config, to show the grant stays with this one.
  const other = Object.values(catalog).find((d) => d.category === def.category && d.id !== id && !d.idParam?.required && !d.params)!;
  const consent = makeConsent({ vendors: { [id]: {}, [other.id]: {} } });
  blocker = createBlocker(consent, { rules: toBlockerRules(catalog, consent.config.vendors) });
  expect(blocker.blockedBy(url), url).not.toBeNull();
  document.body.innerHTML = `<iframe title="embed" data-src="${url}" data-vendor="${id}"></iframe>`;
  blocker.scan();
  const box = document.querySelector('.consentry-placeholder');
  expect(box?.textContent, id).toContain(def.name);
  box!.querySelector('button')!.click();
  expect(consent.isGranted({ vendor: id })).toBe(true);
  expect(consent.isGranted({ vendor: other.id })).toBe(false);
  expect(document.querySelector('iframe')!.getAttribute('src')).toBe(url);
});
