import { describe, expect, it, vi } from 'vitest';
import { createReleaseQueue } from './release-queue.js';

describe('release queue', () => {
  it('holds later jobs until an ordered external script fires load or error', () => {
    const ran: string[] = [];
    const queue = createReleaseQueue();
    const first = document.createElement('script');
    const second = document.createElement('script');
    queue.push({ waitFor: first, run: () => (document.head.append(first), ran.push('a')) });
    queue.push({ waitFor: null, run: () => ran.push('inline') });
    queue.push({ waitFor: second, run: () => (document.head.append(second), ran.push('b')) });
    queue.push({ waitFor: null, run: () => ran.push('last') });
    expect(ran).toEqual(['a']);
    first.dispatchEvent(new Event('load'));
    expect(ran).toEqual(['a', 'inline', 'b']);
    second.dispatchEvent(new Event('error'));
    expect(ran).toEqual(['a', 'inline', 'b', 'last']);
  });

  it('does not stall on a script that never got connected', () => {
    const ran: string[] = [];
    const queue = createReleaseQueue();
    queue.push({ waitFor: document.createElement('script'), run: () => ran.push('detached') });
    queue.push({ waitFor: null, run: () => ran.push('next') });
    expect(ran).toEqual(['detached', 'next']);
  });

  it('gives up waiting on a script that never fires load or error, after a bounded time', () => {
    vi.useFakeTimers();
    try {
      const ran: string[] = [];
      const queue = createReleaseQueue({ timeoutMs: 5000 });
      const silent = document.createElement('script');
      queue.push({ waitFor: silent, run: () => (document.head.append(silent), ran.push('silent')) });
      queue.push({ waitFor: null, run: () => ran.push('next') });
      vi.advanceTimersByTime(4999);
      expect(ran).toEqual(['silent']);
      vi.advanceTimersByTime(1);
      expect(ran).toEqual(['silent', 'next']);
      silent.dispatchEvent(new Event('load')); // a late load does not run anything twice
      expect(ran).toEqual(['silent', 'next']);
      silent.remove();
    } finally {
      vi.useRealTimers();
    }
  });
});
