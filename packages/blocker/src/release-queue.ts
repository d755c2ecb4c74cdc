export interface ReleaseJob {
  /** The script to wait for before the next job runs (an ordered external script); null to go on at once. */
  waitFor: HTMLScriptElement | null;
  run(): void;
}

export interface ReleaseQueueOptions {
  /** Longest wait for one script's `load`/`error` before the queue moves on. Default 10 s. */
  timeoutMs?: number;
}

/**
 * Runs release jobs strictly in the order they were queued. A parser-blocking-style script (external,
 * not async) holds the queue until it fires `load` or `error`, so later scripts, inline ones included,
 * see what it defined, as they would have without the blocker. The wait is bounded: a script that never
 * fires either (a stalled connection, an extension eating the request) cannot hold every later release.
 */
export function createReleaseQueue(options: ReleaseQueueOptions = {}): { push(job: ReleaseJob): void; clear(): void } {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const queue: ReleaseJob[] = [];
  let running = false;
  let waiting = false;

  function pump(): void {
    if (running) return;
    running = true;
    while (queue.length > 0 && !waiting) {
      const job = queue.shift() as ReleaseJob;
      const el = job.waitFor;
      if (el) {
        waiting = true;
        let timer: ReturnType<typeof setTimeout> | undefined;
        const done = (): void => {
          el.removeEventListener('load', done);
          el.removeEventListener('error', done);
          clearTimeout(timer);
          if (!waiting) return;
          waiting = false;
          pump();
        };
        el.addEventListener('load', done);
        el.addEventListener('error', done);
        timer = setTimeout(done, timeoutMs);
        try {
          job.run();
        } catch (error) {
          console.error('Consentry: could not release a script', error);
          done();
        }
        // A script that never got connected will never fire: do not stall the queue on it.
        if (waiting && !el.isConnected) done();
      } else {
        try {
          job.run();
        } catch (error) {
          console.error('Consentry: could not release a script', error);
        }
      }
    }
    running = false;
  }

  return {
    push(job) {
      queue.push(job);
      pump();
    },
    clear() {
      queue.length = 0;
    },
  };
}
