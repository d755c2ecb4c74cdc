// The UI (banner, preferences dialog, reopen button, Preact) as the glue uses it. Bundled inline by
// default; the script-tag build can swap this module for `null` (rollup.browser.mjs, `UI`), and the
// glue then fetches the same code as dist/chunks/ui.js at init, in parallel with the page.
import { createConsentUI, getNoticeTexts } from '@consentry/ui';

export interface UIModule {
  createConsentUI: typeof createConsentUI;
  getNoticeTexts: typeof getNoticeTexts;
}

export const INLINE_UI: UIModule | null = { createConsentUI, getNoticeTexts };
