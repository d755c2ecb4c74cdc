import { closedConsentry, createConsentry, type ConsentConfig, type Consentry, type ConsentryOptions, type ConsentState, type GrantTarget } from '@consentry/assembly';
import { getContext, onMount, setContext } from 'svelte';
import { derived, writable, type Readable } from 'svelte/store';

export { default as ConsentGate } from './ConsentGate.svelte';
export type { ConsentConfig, ConsentState, GrantTarget } from '@consentry/assembly';
/** `createConsentry`'s options: `vendors`, `ui`, `vendorTexts`, `blocking`, `cookie`/`initialState`, engine options. */
export type ConsentOptions = Omit<ConsentryOptions, 'files' | 'autoStart'>;

/** A store of the state this render shows (the server's until mounted, so hydration matches), with the actions. */
export interface ConsentStore extends Readable<ConsentState>, Pick<Consentry, 'acceptAll' | 'rejectAll' | 'update' | 'reset' | 'showPreferences' | 'showBanner' | 'consent'> {
  /** Whether a category (`'statistics'`) or vendor (`{ vendor: 'youtube' }`) is granted, as a store. */
  isGranted(target: GrantTarget): Readable<boolean>;
}

const KEY = Symbol('consentry');

/**
 * Call once in the root layout's `<script>`: opens the door (`createConsentry`: validation,
 * fail-closed, the parts), puts the store in context and starts the browser parts once mounted.
 */
export function provideConsent(config: ConsentConfig, options: ConsentOptions = {}): ConsentStore {
  const door = createConsentry(config, { ...options, autoStart: false });
  const state = writable(door.getServerState());
  onMount(() => {
    state.set(door.getState());
    const off = door.subscribe(() => state.set(door.getState()));
    const stop = door.start();
    return () => (off(), stop());
  });
  return setContext(KEY, store(door, state));
}

function store(door: Consentry, state: Readable<ConsentState>): ConsentStore {
  const { acceptAll, rejectAll, update, reset, showPreferences, showBanner, consent } = door;
  return {
    subscribe: state.subscribe,
    isGranted: (target) => derived(state, (s) => door.isGranted(target, s)),
    ...{ acceptAll, rejectAll, update, reset, showPreferences, showBanner, consent },
  };
}

let warned = false;
/** The store `provideConsent` put in context; outside one, nothing is granted (and one console error says why). */
export function useConsent(): ConsentStore {
  const found = getContext<ConsentStore | undefined>(KEY);
  if (found) return found;
  if (!warned) (warned = true), console.error('Consentry: useConsent and <ConsentGate> need provideConsent() in a component above them; nothing is granted without it.');
  const door = closedConsentry();
  return store(door, writable(door.getState()));
}
