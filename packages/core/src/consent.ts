import { decodeDecision, encodeDecision, lifetimeDays, toUuid, vendorSetHash } from './codec.js';
import { resolveConfig } from './config.js';
import { startCrossTab } from './cross-tab.js';
import { documentCookies } from './document-cookies.js';
import { transition, undecided, type MachineEvent } from './machine.js';
import {
  OPTIONAL_CATEGORIES,
  type Category,
  type ChoiceUpdate,
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

export function isGrantedIn(state: ConsentState, config: ResolvedConfig, target: Category | { vendor: string }): boolean {
  // Read through the current config: a category it does not list is denied, whatever was stored.
  if (typeof target === 'string') return state.choices[target] === true && config.categories.includes(target);
  const vendor = config.vendors[target?.vendor];
  return !!vendor && state.choices[vendor.category] && state.vendors[vendor.id] === true;
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
  const gpcSignal =
    options.gpc ?? (typeof navigator !== 'undefined' && (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true);
  const gpcApplies = gpcSignal && config.gpc;
  const secure = options.secure ?? (typeof location !== 'undefined' && location.protocol === 'https:');
  const vendorSet = vendorSetHash(config);
  const listeners = new Set<ConsentListener>();
  const { name, domain, path } = config.cookie;
  const attributes = { path, sameSite: 'Lax' as const, secure, ...(domain ? { domain } : {}) };

  let state = undecided(config, null);

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
    const next = transition(state, event, config);
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
      gpc: gpcApplies,
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

  /** Only listed categories can be granted; GPC keeps targeting off unless asked for explicitly. */
  function choicesFrom(all: boolean, explicit: ChoiceUpdate = {}): Choices {
    const base = state.choices;
    const out = { necessary: true } as Choices;
    for (const c of OPTIONAL_CATEGORIES) {
      const wanted = explicit[c] ?? (all || base[c]);
      out[c] = config.categories.includes(c) && wanted === true;
    }
    return out;
  }

  state = transition(state, read(), config);
  // Other tabs share the browser's cookie jar, not an injected store (SSR, tests).
  const crossTab = (options.crossTab ?? !options.cookies)
    ? startCrossTab(name, () => consent.refresh(), (value) => move(value ? { type: 'restore', stored: decodeDecision(value, config, now()), now: now() } : { type: 'reset' }))
    : null;

  const consent: Consent = {
    config,
    getState: () => state,
    acceptAll(meta = {}) {
      const choices = choicesFrom(true);
      // GPC holding targeting back is what `method: "gpc"` records (docs/proofs.md).
      const heldByGpc = gpcApplies && choices.targeting;
      if (gpcApplies) choices.targeting = false;
      const vendors: Record<string, boolean> = {};
      for (const v of Object.values(config.vendors)) vendors[v.id] = choices[v.category];
      decide(choices, vendors, meta, heldByGpc ? 'gpc' : 'accept-all');
    },
    rejectAll(meta = {}) {
      const choices = choicesFrom(false, { functional: false, statistics: false, targeting: false });
      const vendors: Record<string, boolean> = {};
      for (const id of Object.keys(config.vendors)) vendors[id] = false;
      decide(choices, vendors, meta, 'reject-all');
    },
    update(update, meta = {}) {
      const choices = choicesFrom(false, update ?? {});
      const vendors: Record<string, boolean> = {};
      for (const v of Object.values(config.vendors)) {
        const explicit = update?.vendors?.[v.id];
        // A vendor follows its category when that category is switched in this update.
        const categoryChanged = update?.[v.category] !== undefined && choices[v.category] !== state.choices[v.category];
        vendors[v.id] =
          typeof explicit === 'boolean' ? explicit : categoryChanged || state.status === 'undecided' ? choices[v.category] : state.vendors[v.id] ?? choices[v.category];
      }
      decide(choices, vendors, meta, 'custom');
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
