// Its own file: the blocker is one per page, so this needs a page no other test has touched.
import { stage2 as stageTwo } from '@consentry/assembly';
import { expect, it, vi } from 'vitest';
import { createConsentryApi } from './consentry.js';
import { VENDOR_INDEX } from './vendor-index.js';

it('a second init after a failed one takes over, and gated markup runs once granted', async () => {
  const errors: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((...args) => void errors.push(args.map(String).join(' ')));
  document.body.innerHTML = '<script type="text/plain" data-category="statistics" id="gated">window.__ran = 1</script>';
  const api = createConsentryApi({
    index: VENDOR_INDEX,
    vendor: async () => null,
    language: async () => null,
    proof: async () => null,
    experience: async () => stageTwo,
  });
  expect(api.init({ theme: 'blue' })).toBe(false);
  expect(errors.join('\n')).toContain('theme: expected light | dark | auto, got "blue"');
  expect(api.init({ categories: { statistics: {} } })).toBe(true);
  expect(document.querySelector('script[type="text/plain"]')).not.toBeNull();
  api.acceptAll();
  await new Promise((r) => setTimeout(r, 5));
  expect(document.querySelector('script[type="text/plain"]')).toBeNull();
  expect(errors.join('\n')).not.toMatch(/already running/);
});
