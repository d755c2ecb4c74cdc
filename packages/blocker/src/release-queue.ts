export interface ReleaseJob {
  /** The script to wait for before the next job runs (an ordered external script); null to go on at once. */
  waitFor: HTMLScriptElement | null;
  run(): void;
}

/**
 * Runs release jobs strictly in the order they were queued. A parser-blocking-style script (external,
 * not async) holds the queue until it fires `load` or `error`, so later scripts, inline ones included,
 * see what it defined, as they would have without the blocker.
 */
export function createReleaseQueue(): { push(job: ReleaseJob): void; clear(): void } {
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
        const done = (): void => {
          el.removeEventListener('load', done);
          el.removeEventListener('error', done);
          if (!waiting) return;
          waiting = false;
          pump();
        };
        el.addEventListener('load', done);
        el.addEventListener('error', done);
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
