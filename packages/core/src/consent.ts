import { decodeDecision, encodeDecision, toUuid } from './codec.js';
import { resolveConfig } from './config.js';
import { startCrossTab } from './cross-tab.js';
import { documentCookies } from './document-cookies.js';
import { jurisdictionFor } from './jurisdiction.js';
import { transition, undecided, type MachineEvent } from './machine.js';
import { choicesBeforeDecision, gpcApplies, gpcSignal, holdForGpc, isGrantedIn, lifetimeDays, listedChoices, recipientsFingerprint, vendorSwitches, withJurisdiction } from './policy.js';
import {
  OPTIONAL_CATEGORIES,
  type Choices,
  type Consent,
  type ConsentConfig,
  type ConsentEvent,
  type ConsentListener,
  type ConsentOptions,
  type ConsentState,
  type DecisionMeta,
  type GrantSet,
  type ResolvedConfig,
} from './types.js';

/** RFC 4122 v4; `crypto.randomUUID` is missing on plain-http pages, so build one from random bytes. */
export function randomId(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 15) | 64;
  b[8] = (b[8]! & 63) | 128;
  return toUuid(Array.from(b, (x) => (x + 256).toString(16).slice(1)).join(''));
}

/** What `to` grants that `from` does not. */
function gained(from: ConsentState, to: ConsentState, config: ResolvedConfig): GrantSet {
  return {
    categories: OPTIONAL_CATEGORIES.filter((c) => to.choices[c] && !from.choices[c]),
    vendors: Object.keys(config.vendors).filter(
      (vendor) => isGrantedIn(to, config, { vendor }) && !isGrantedIn(from, config, { vendor }),
    ),
  };
}

/**
 * Creates the consent engine for one page (or one SSR request).
 * Throws `ConsentryConfigError` for an invalid config; never throws afterwards.
 */
export function createConsent(input: ConsentConfig, options: ConsentOptions = {}): Consent {
  return startConsent(resolveConfig(input, options.catalog), options);
}

/**
 * The engine on a config that was already checked and resolved (`resolveConfig`, or a build step
 * ahead of time): the script tag's compiled guard carries no validator. Never throws.
 */
export function startConsent(config: ResolvedConfig, options: Omit<ConsentOptions, 'catalog'> = {}): Consent {
  const cookies = options.cookies ?? documentCookies;
  const now = options.now ?? Date.now;
  const gpc = gpcApplies(config, options.gpc ?? gpcSignal());
  const secure = options.secure ?? (typeof location !== 'undefined' && location.protocol === 'https:');
  const vendorSet = recipientsFingerprint(config);
  const listeners = new Set<ConsentListener>();
  const { name, domain, path } = config.cookie;
  const attributes = { path, sameSite: 'Lax' as const, secure, ...(domain ? { domain } : {}) };

  // The region's rule fills in what runs before a decision; unknown region: the strictest rule named.
  let jurisdiction = jurisdictionFor(config, options.region);
  const ruled = (s: ConsentState) => withJurisdiction(s, jurisdiction, config, gpc);
  let state = ruled(undecided(config, null));

  function read(): MachineEvent {
    let raw: string | undefined;
    try {
      raw = cookies.get(name);
    } catch {
      raw = undefined;
    }
    const stored = decodeDecision(raw, config, now());
    // A value we cannot trust is removed, so it cannot confuse another reader later.
    if (raw !== undefined && !stored) safely(() => cookies.remove(name, attributes));
    return { type: 'restore', stored, now: now() };
  }

  function emit(event: ConsentEvent): void {
    for (const fn of [...listeners]) {
      // A broken listener must not stop the others (the blocker, the proof) from hearing.
      safely(() => fn(event));
    }
  }

  /** Moves to the next state; `persist` runs before any listener hears, so nothing is released on an unsaved choice. */
  function move(event: MachineEvent, persist?: (next: ConsentState) => void): ConsentState {
    const before = state;
    const next = ruled(transition(state, event, config));
    // Keep the old object when nothing differs, so snapshots stay stable (useSyncExternalStore).
    if (JSON.stringify(next) === JSON.stringify(before)) {
      persist?.(before);
      return before;
    }
    persist?.(next);
    state = next;
    const granted = gained(before, state, config);
    const revoked = gained(state, before, config);
    // Any new state is announced (a reset after a refusal grants and revokes nothing, but the banner must return).
    emit({ type: 'change', state, granted, revoked });
    return before;
  }

  function decide(choices: Choices, vendors: Record<string, boolean>, meta: DecisionMeta, fallback: ConsentState['method']): void {
    const event: MachineEvent = {
      type: 'decide',
      choices,
      vendors,
      method: meta.method ?? fallback ?? 'custom',
      gpc,
      now: now(),
      newId: randomId,
    };
    const before = move(event, (next) => {
      const value = encodeDecision(
        { ...next, consentId: next.consentId!, decidedAt: next.decidedAt!, method: next.method!, vendorSet },
        config,
      );
      safely(() => cookies.set(name, value, { ...attributes, expires: lifetimeDays(next.choices, config) }));
      crossTab?.announce(value);
    });
    emit({ type: 'decision', state, previous: before, source: meta.source ?? 'api' });
  }

  state = ruled(transition(state, read(), config));
  /** In an opt-out region GPC is the visitor's opt-out: recorded as a decision (`method: "gpc"`) once listeners (the proof) are attached. */
  function optOutByGpc(): void {
    if (!gpc || jurisdiction.rule !== 'opt-out') return;
    queueMicrotask(() => {
      if (state.status !== 'undecided' || jurisdiction.rule !== 'opt-out') return;
      const choices = choicesBeforeDecision(jurisdiction, config, true);
      decide(choices, vendorSwitches(config, choices), { source: 'api', method: 'gpc' }, 'gpc');
    });
  }
  optOutByGpc();
  // Other tabs share the browser's cookie jar, not an injected store (SSR, tests).
  const crossTab = (options.crossTab ?? !options.cookies)
    ? startCrossTab(name, () => consent.refresh(), (value) => move(value ? { type: 'restore', stored: decodeDecision(value, config, now()), now: now() } : { type: 'reset' }))
    : null;

  const consent: Consent = {
    config,
    getState: () => state,
    acceptAll({ except = [], ...meta } = {}) {
      const all = listedChoices(config, (c) => !except.includes(c));
      const { choices, held } = holdForGpc(all, gpc);
      decide(choices, vendorSwitches(config, choices), meta, held ? 'gpc' : 'accept-all');
    },
    rejectAll(meta = {}) {
      const choices = listedChoices(config, () => false);
      decide(choices, vendorSwitches(config, choices), meta, 'reject-all');
    },
    update(update, meta = {}) {
      const choices = listedChoices(config, (c) => update?.[c] ?? state.choices[c]);
      decide(choices, vendorSwitches(config, choices, state, update ?? {}), meta, 'custom');
    },
    reset() {
      safely(() => cookies.remove(name, attributes));
      move({ type: 'reset' });
      crossTab?.announce('');
    },
    refresh() {
      move(read());
      move({ type: 'tick', now: now() });
    },
    isGranted: (target) => isGrantedIn(state, config, target),
    get jurisdiction() {
      return jurisdiction;
    },
    setRegion(region) {
      // Only an unknown region may be filled in: a known one cannot be swapped for a looser rule.
      const next = jurisdictionFor(config, region);
      if (jurisdiction.region !== null || next.region === null) return false;
      jurisdiction = next;
      move({ type: 'tick', now: now() });
      optOutByGpc();
      return true;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    on(type, listener) {
      return consent.subscribe((e) => {
        if (e.type === type) (listener as ConsentListener)(e);
      });
    },
  };
  return consent;
}

function safely(fn: () => unknown): void {
  try {
    fn();
  } catch (error) {
    if (typeof console !== 'undefined') console.error('[consentry]', error);
  }
}
