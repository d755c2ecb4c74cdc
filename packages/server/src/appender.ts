import type { AppendInput, AppendOutcome, Sealer, StorageAdapter } from './storage/types.js';

export interface Appender {
  submit(input: AppendInput): Promise<AppendOutcome>;
}

interface Pending {
  input: AppendInput;
  resolve: (outcome: AppendOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: records that arrive while a transaction is being written wait for the next one,
 * and each transaction commits them all with one fsync (and one signature). Every caller still
 * resolves only after the commit that holds its record, so nothing is acknowledged early.
 * When a batch's transaction fails, nothing of it was stored; its records are then tried one by
 * one, in order, so one bad record fails alone instead of taking the batch down with it.
 */
export function createAppender(storage: StorageAdapter, chain: string, seal: Sealer, maxBatch = 500): Appender {
  let queue: Pending[] = [];
  let running = false;

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        const outcomes = await storage.append(
          chain,
          batch.map((p) => p.input),
          seal,
        );
        batch.forEach((p, i) => p.resolve(outcomes[i]!));
      } catch (error) {
        if (batch.length === 1) batch[0]!.reject(error);
        else for (const p of batch) await storage.append(chain, [p.input], seal).then((o) => p.resolve(o[0]!), p.reject);
      }
      // Let requests that arrived during the commit be parsed, so they join the next batch.
      await new Promise<void>((r) => setImmediate(r));
    }
    running = false;
  }

  return {
    submit(input) {
      return new Promise((resolve, reject) => {
        queue.push({ input, resolve, reject });
        if (!running) {
          running = true;
          setImmediate(() => void drain());
        }
      });
    },
  };
}
