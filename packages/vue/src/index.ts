import { closedConsentry, createConsentry, type Category, type ConsentConfig, type Consentry, type ConsentryOptions, type ConsentState, type GrantTarget } from '@consentry/assembly';
import { computed, defineComponent, inject, onBeforeUnmount, onMounted, provide, shallowRef, type ComputedRef, type InjectionKey, type PropType, type Ref } from 'vue';

export { readConsent, type ConsentConfig, type ConsentState, type GrantTarget } from '@consentry/assembly';
/** `createConsentry`'s options: `vendors`, `ui`, `vendorTexts`, `blocking`, `initialState`, engine options. */
export type ConsentOptions = Omit<ConsentryOptions, 'files' | 'autoStart'>;

export interface UseConsentResult extends Pick<Consentry, 'acceptAll' | 'rejectAll' | 'update' | 'reset' | 'showPreferences' | 'showBanner' | 'consent'> {
  /** The state this render shows: the server's until mounted (so hydration matches), then the live one. */
  state: Readonly<Ref<ConsentState>>;
  /** Checked against `state`. */
  isGranted(target: GrantTarget): boolean;
}

const KEY: InjectionKey<UseConsentResult> = Symbol('consentry');

/**
 * Opens the door once (`createConsentry`: validation, fail-closed, the parts) and starts the browser
 * parts once mounted. Renders only its default slot. `options.initialState` is the request's
 * `readConsent(cookieHeader, config)` on the server and the same value on the client.
 */
export const ConsentProvider = defineComponent({
  name: 'ConsentProvider',
  props: {
    config: { type: Object as PropType<ConsentConfig>, required: true },
    options: { type: Object as PropType<ConsentOptions>, default: () => ({}) },
  },
  setup(props, { slots }) {
    const door = createConsentry(props.config, { ...props.options, autoStart: false });
    provide(KEY, bind(door));
    return () => slots.default?.();
  },
});

function bind(door: Consentry): UseConsentResult {
  const state = shallowRef(door.getServerState());
  let off = () => {};
  let stop = () => {};
  onMounted(() => {
    state.value = door.getState();
    off = door.subscribe(() => (state.value = door.getState()));
    stop = door.start();
  });
  onBeforeUnmount(() => (off(), stop()));
  const { acceptAll, rejectAll, update, reset, showPreferences, showBanner, consent } = door;
  return { acceptAll, rejectAll, update, reset, showPreferences, showBanner, consent, state, isGranted: (target) => door.isGranted(target, state.value) };
}

let warned = false;
/** The nearest provider's consent; outside one, nothing is granted (and one console error says why). */
export function useConsent(): UseConsentResult {
  const found = inject(KEY, null);
  if (found) return found;
  if (!warned) (warned = true), console.error('Consentry: useConsent and <ConsentGate> need a <ConsentProvider> above them; nothing is granted without one.');
  const door = closedConsentry();
  return { ...door, state: shallowRef(door.getState()), isGranted: (target) => door.isGranted(target) };
}

/** Whether a category (`'statistics'`) or vendor (`{ vendor: 'youtube' }`) is granted, as a computed ref. */
export function useIsGranted(target: GrantTarget): ComputedRef<boolean> {
  const consent = useConsent();
  return computed(() => (consent.state.value, consent.isGranted(target)));
}

/** Renders its default slot while the category or vendor is granted, else its `fallback` slot. */
export const ConsentGate = defineComponent({
  name: 'ConsentGate',
  props: { category: String as PropType<Category>, vendor: String },
  setup(props, { slots }) {
    const granted = useIsGranted(props.vendor !== undefined ? { vendor: props.vendor } : (props.category ?? 'necessary'));
    return () => (granted.value ? slots.default?.() : slots.fallback?.());
  },
});
