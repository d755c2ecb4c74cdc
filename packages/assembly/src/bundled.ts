// The parts an app's bundle carries (React, Vue, Svelte, a plain npm app). The script-tag build swaps
// this module for `null` (packages/browser/rollup.browser.mjs): it always hands over files instead,
// and its stage 1 must not carry the UI.
import { getNoticeTexts } from '@consentry/ui';
import { stage2 } from './experience.js';
import { log } from './maybe.js';
import type { ProofModule } from './proof.js';

export const bundled = {
  experience: () => stage2,
  /**
   * The proof client is imported only when the config has `proof` (a dynamic import: the app's
   * bundler puts it in a chunk of its own that a site without a consent server never fetches).
   */
  proof: async (): Promise<ProofModule | null> => {
    try {
      const { createProofClient } = await import('@consentry/proof');
      return { createProofClient, getNoticeTexts };
    } catch (error) {
      log('the proof client could not be loaded; no record is sent', error);
      return null;
    }
  },
};
