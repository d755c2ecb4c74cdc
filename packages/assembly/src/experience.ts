import { createIframeGate } from '@consentry/blocker';
import type { Consent } from '@consentry/core';
import { createConsentUI, type ConsentUI, type UIOptions } from '@consentry/ui';
import { createVendorLoader, type checkVendorConfig, type VendorDefinition } from '@consentry/vendors';
import type { Guard } from './guard.js';
import { log, settle, type Maybe } from './maybe.js';

/** One configured vendor whose definition (loader, disclosure) is underway. */
export interface VendorPart {
  id: string;
  definition: Maybe<VendorDefinition | null>;
}

export interface ExperienceInput {
  guard: Guard;
  vendors: VendorPart[];
  /** `false`: no built-in UI (React's `ui={false}`). Otherwise the UI's options, `vendors` and `texts` included. */
  ui: false | (() => UIOptions);
  /** The visitor's language table, when one is underway; the UI waits for it (or its failure). */
  table: Maybe<unknown>;
  onMount(ui: ConsentUI): void;
  /**
   * `checkVendorConfig`, handed over by stage 1: it is core's config validation, which the guard
   * already carries, so the stage-2 file does not carry a second copy.
   */
  check: typeof checkVendorConfig;
  /** How the UI mount is scheduled: now (React, inside its effect) or in a task of its own (script tag). */
  schedule?: (fn: () => void) => void;
}

export interface Experience {
  destroy(): void;
}

/** Runs `fn` once `document.body` exists (the UI mounts into it). */
const whenBody = (fn: () => void): void =>
  document.body ? fn() : document.addEventListener('DOMContentLoaded', fn, { once: true });

/**
 * Stage 2: vendor loaders (each runs once its definition is here, its options check out and it is
 * granted), then the banner and dialog. In the script tag this module is a file of its own
 * (dist/chunks/experience.js) fetched in parallel with the page; React imports it.
 */
export function startExperience(consent: Consent, input: ExperienceInput): Experience {
  const nonce = consent.config.nonce;
  const cleanups: Array<() => void> = [];
  let stopped = false;
  // Gated iframes have stayed empty since stage 1: their placeholders are drawn, granted ones released.
  input.guard.blocker?.attachIframes(createIframeGate);
  for (const { id, definition } of input.vendors) {
    settle(definition, (def) => {
      const vendor = consent.config.vendors[id];
      if (!def || !vendor || stopped) return; // without its file a vendor's code never runs (the dialog still names it)
      // Formats (the shape of `id`, required options) are checked against the full definition.
      const problem = input.check(vendor, def);
      if (problem) return log(`vendor "${id}" stays off: ${problem}`);
      cleanups.push(createVendorLoader(consent, { [id]: def }, nonce ? { nonce } : {}).destroy);
    });
  }
  const options = input.ui;
  if (options) {
    const schedule = input.schedule ?? ((fn: () => void) => fn());
    settle(input.table, () =>
      whenBody(() => schedule(() => {
        if (stopped) return;
        try {
          const ui = createConsentUI(consent, options());
          cleanups.push(ui.destroy);
          input.onMount(ui);
        } catch (error) {
          log(error);
        }
      })),
    );
  }
  return {
    destroy() {
      stopped = true;
      for (const fn of cleanups.splice(0).reverse()) fn();
    },
  };
}

/** Stage 2 as one value: what dist/chunks/experience.js carries and a bundle imports. */
export const stage2 = { startExperience };
