import { createGuardBlocker, type Blocker, type VendorRule } from '@consentry/blocker';
import type { Consent } from '@consentry/core';
import { consentModeRules, createConsentMode, startStubs } from '@consentry/vendors';
import { log } from './maybe.js';

export interface GuardOptions {
  /** Blocking data for every vendor the blocker should know (hosts, cookies, storage keys). */
  rules: VendorRule[];
  /** `false` turns off gating, automatic blocking and the guards (React's `blocking={false}`). */
  blocking?: boolean;
}

export interface Guard {
  readonly blocker: Blocker | null;
  destroy(): void;
}

/**
 * Stage 1: what must be in place before any tracker can run. Order matters: Consent Mode defaults
 * before any Google tag, the blocker's guards before anything is released (the blocker releases what
 * a returning visitor already granted as soon as it is created).
 */
export function startGuard(consent: Consent, options: GuardOptions): Guard {
  const cleanups: Array<() => void> = [];
  let blocker: Blocker | null = null;
  const { nonce, autoBlock, reloadOnWithdraw } = consent.config;
  try {
    cleanups.push(createConsentMode(consent).destroy);
    // fbq(), _hsq.push() … from site code before consent: dropped, never a ReferenceError.
    cleanups.push(startStubs(consent));
    if (options.blocking !== false) {
      // Consent Mode "advanced" lets Google's tags load before a decision (their storage stays guarded).
      // Without the iframe gate: stage 2 hands it over (experience.ts), so placeholders are not in stage 1.
      blocker = createGuardBlocker(consent, { rules: consentModeRules(options.rules, consent.config), autoBlock, reloadOnWithdraw, ...(nonce ? { nonce } : {}) });
      cleanups.push(blocker.destroy);
    }
  } catch (error) {
    log(error);
  }
  // Other tabs' decisions (and the tab-visible re-read) are core's job: packages/core/src/cross-tab.ts.
  return {
    blocker,
    destroy: () => {
      for (const fn of cleanups.splice(0).reverse()) fn();
    },
  };
}
