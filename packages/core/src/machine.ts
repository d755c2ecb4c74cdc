import type { StoredDecision } from './codec.js';
import { decisionHolds, expiresAt, listedChoices, nothingGranted } from './policy.js';
import type { Choices, ConsentState, DecisionMethod, ResolvedConfig } from './types.js';

/**
 * Everything that can happen to a consent, as data. The whole lifecycle is the
 * `transitions` table below: read it to know every way the state can move.
 */
export type MachineEvent =
  /** A decision was read from storage (page load, another tab wrote it) or none was found. */
  | { type: 'restore'; stored: StoredDecision | null; now: number }
  /** The visitor (or the site, by API) decided. */
  | {
      type: 'decide';
      choices: Choices;
      vendors: Record<string, boolean>;
      method: DecisionMethod;
      gpc: boolean;
      now: number;
      newId: () => string;
    }
  /** Time passed: a decision may have lapsed. */
  | { type: 'tick'; now: number }
  /** Forget the visitor entirely. */
  | { type: 'reset' };

type Status = ConsentState['status'];
type Transition<E extends MachineEvent['type']> = (
  state: ConsentState,
  event: Extract<MachineEvent, { type: E }>,
  config: ResolvedConfig,
) => ConsentState;
type Table = { [S in Status]: { [E in MachineEvent['type']]: Transition<E> } };

/** While undecided, only `necessary` is granted (policy.ts). */
export function undecided(config: ResolvedConfig, consentId: string | null): ConsentState {
  return {
    status: 'undecided',
    consentId,
    revision: config.revision,
    ...nothingGranted(config),
    decidedAt: null,
    expiresAt: null,
    method: null,
    gpc: false,
  };
}

const restore: Transition<'restore'> = (state, { stored, now }, config) => {
  if (stored && decisionHolds(stored, config, now)) {
    const { consentId, revision, vendors, decidedAt, method, gpc } = stored;
    // Same key order as `decide`: re-reading an unchanged decision must compare equal (no spurious
    // change). The stored choices are read through the config (policy rule 1); vendors need not be
    // masked, since a vendor is granted only with its category. The lifetime stays the one the visitor's cookie was written with.
    const choices = listedChoices(config, (c) => stored.choices[c]);
    return { status: 'decided', consentId, revision, choices, vendors, decidedAt, expiresAt: expiresAt(decidedAt, stored.choices, config), method, gpc };
  }
  // Re-prompt, but keep the consent id so the next decision joins the same provable history.
  return undecided(config, stored?.consentId ?? state.consentId);
};

const decide: Transition<'decide'> = (state, e, config) => ({
  status: 'decided',
  consentId: state.consentId ?? e.newId(),
  revision: config.revision,
  choices: e.choices,
  vendors: e.vendors,
  decidedAt: e.now,
  expiresAt: expiresAt(e.now, e.choices, config),
  method: e.method,
  gpc: e.gpc,
});

const reset: Transition<'reset'> = (_state, _e, config) => undecided(config, null);

export const transitions: Table = {
  undecided: {
    restore, // → decided if a valid decision is stored, else stays undecided
    decide, // → decided
    tick: (state) => state, // nothing to lapse
    reset, // → undecided, forgetting the consent id
  },
  decided: {
    restore, // another tab may have changed or cleared the cookie
    decide, // a change of mind: same consent id, new choices
    tick: (state, { now }, config) =>
      state.expiresAt !== null && now >= state.expiresAt ? undecided(config, state.consentId) : state,
    reset,
  },
};

export function transition(state: ConsentState, event: MachineEvent, config: ResolvedConfig): ConsentState {
  const handler = transitions[state.status][event.type] as Transition<MachineEvent['type']>;
  return handler(state, event, config);
}
