import type { Consent, ConsentEvent } from '@consentry/core';
import type { createProofClient, ProofClient } from '@consentry/proof';
import type { getNoticeTexts, NoticeOptions } from '@consentry/ui';
import { log, settle, type Maybe } from './maybe.js';

type Decision = Extract<ConsentEvent, { type: 'decision' }>;
type Notice = ReturnType<typeof getNoticeTexts>;

/** What the proof file carries: the client and the function that builds the texts it hashes. */
export interface ProofModule {
  createProofClient: typeof createProofClient;
  getNoticeTexts: typeof getNoticeTexts;
}

/** What the visitor was shown at a moment: the UI's language (when mounted) and its options. */
export interface NoticeInput {
  language?: string;
  options: NoticeOptions;
}

/** Where the texts of a decision come from; `ready` settles once every disclosure has arrived or failed. */
export interface NoticeSource {
  /** The texts on screen now, or null while the UI has not mounted (then nothing was shown yet). */
  shown(): NoticeInput | null;
  /** The texts once the vendor disclosures and the language table have settled. */
  settled(): Promise<NoticeInput>;
}

export interface ProofHandle {
  getReceipts(): unknown[];
  /** Tells the proof where the texts come from; decisions made before this wait for it. */
  attach(source: NoticeSource): void;
}

/** Runs `fn` when the browser is idle (or soon, where requestIdleCallback is missing). */
export const whenIdle = (fn: () => void): void => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 3000 });
  else setTimeout(fn, 1);
};

const started = new WeakMap<Consent, ProofHandle>();

/**
 * Starts recording with the SDK, not with the UI: from this call on every decision is kept, also
 * one made through the API before the banner mounted, or on a page whose UI file failed to load.
 * The client itself (`load`) is fetched when the browser is idle or at the first decision; the
 * decisions made before it arrives are recorded, in order, as soon as it runs. Each keeps the texts
 * on screen when it was made; one made before anything was shown gets the texts once every
 * disclosure has arrived (what a visitor would be shown, every vendor that can run named).
 * One per engine: calling it again returns the same recorder (React's StrictMode mounts twice).
 */
export function startProof(consent: Consent, load: () => Maybe<ProofModule | null>): ProofHandle {
  const existing = started.get(consent);
  if (existing) return existing;
  const proof = consent.config.proof;
  let source: NoticeSource | null = null;
  let client: ProofClient | null = null;
  let loading = false;
  // Each decision with what was on screen then (null: nothing yet, take the settled texts).
  const early: Array<[Decision, NoticeInput | null]> = [];
  let attached: (s: NoticeSource) => void = () => {};
  const whenAttached = new Promise<NoticeSource>((r) => (attached = r));
  const handle: ProofHandle = {
    getReceipts: () => client?.getReceipts() ?? [],
    attach(s) {
      source ??= s;
      attached(source);
    },
  };
  started.set(consent, handle);
  if (!proof) return handle;

  // Set once the client runs: hands it one decision with the texts it is to hash.
  let deliver: ((event: Decision, input: NoticeInput) => void) | null = null;
  let draining = Promise.resolve();
  // Every decision goes through the same queue, so records keep the order the visitor made them in.
  consent.on('decision', (event) => {
    early.push([event, source?.shown() ?? null]);
    start();
    drain();
  });

  function start(): void {
    if (loading) return;
    loading = true;
    settle(load(), (mod) => {
      if (!mod) return; // already logged by the loader; consent itself is unaffected
      const c = mod.createProofClient(consent, {
        endpoint: proof!.endpoint,
        queueLimit: proof!.queueLimit ?? 50,
        // This recorder hands the client each decision, in order, with the texts shown when it was made.
        subscribe: false,
      });
      client = c;
      deliver = (event, input) => {
        let notice: Notice | null = null;
        try {
          notice = mod.getNoticeTexts(consent, input.language, input.options);
        } catch (error) {
          log('the notice texts could not be built; the decision is recorded with none', error);
        }
        void c.record(event, notice);
      };
      drain();
    });
  }

  function drain(): void {
    draining = draining
      .then(async () => {
        while (deliver && early.length) {
          const [event, shown] = early[0]!;
          // Nothing was on screen yet: the texts a visitor would be shown, once every disclosure is in.
          const input = shown ?? (await (await whenAttached).settled());
          early.shift();
          deliver(event, input);
        }
      })
      .catch(log);
  }

  whenIdle(start);
  return handle;
}
