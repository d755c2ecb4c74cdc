import type { Consent, ConsentEvent } from '@consentry/core';
import type { createProofClient, ProofClient, ProofClientOptions } from '@consentry/proof';

export type ProofFactory = typeof createProofClient;
type Decision = Extract<ConsentEvent, { type: 'decision' }>;
type Notice = ReturnType<ProofClientOptions['getNotice']>;

/** Runs `fn` when the browser is idle (or soon, where requestIdleCallback is missing). */
export const whenIdle = (fn: () => void): void => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 3000 });
  else setTimeout(fn, 1);
};

/**
 * The proof client arrives as a lazy file (dist/chunks/proof.js), fetched when the browser is idle
 * or at the first decision, whichever comes first. Decisions made before it arrives are kept in
 * memory with the texts shown at that moment and recorded as soon as it runs; if it cannot load,
 * that is logged and no record is sent (consent itself is unaffected: nothing extra is granted).
 */
export function startLazyProof(
  consent: Consent,
  load: () => Promise<ProofFactory | null>,
  options: { endpoint: string; queueLimit: number; getNotice: () => Notice },
): { getReceipts(): unknown[] } {
  const early: Array<[Decision, Notice | Error]> = [];
  let client: ProofClient | null = null;
  let started = false;
  const notice = () => {
    try {
      return options.getNotice();
    } catch (error) {
      return error as Error;
    }
  };
  const off = consent.on('decision', (event) => {
    early.push([event, notice()]);
    start();
  });
  function start(): void {
    if (started) return;
    started = true;
    void load().then((create) => {
      if (!create) return;
      let current: Notice | Error | null = null;
      const sink: { fn?: (event: Decision) => void } = {};
      // The client listens to this stand-in, which replays the early decisions with their own texts.
      const relay = {
        on: (_type: 'decision', fn: (event: Decision) => void) => ((sink.fn = fn), () => delete sink.fn),
      } as unknown as Consent;
      client = create(relay, {
        endpoint: options.endpoint,
        queueLimit: options.queueLimit,
        getNotice: () => {
          const shown = current ?? notice();
          current = null;
          if (shown instanceof Error) throw shown;
          return shown;
        },
      });
      off();
      for (const [event, shown] of early.splice(0)) {
        current = shown;
        sink.fn?.(event);
      }
      consent.on('decision', (event) => sink.fn?.(event));
    });
  }
  whenIdle(start);
  return { getReceipts: () => client?.getReceipts() ?? [] };
}
