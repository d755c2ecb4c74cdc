/** The part of Web Storage the client uses; localStorage by default. */
export type ProofStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface SafeStorage {
  read<T>(key: string, fallback: T, isValid: (value: unknown) => value is T): T;
  write(key: string, value: unknown): void;
}

/**
 * JSON over Web Storage that never throws: private modes and junk read as "nothing". Where storage
 * is blocked or full, values live in memory for this page view, so the queue still works (and
 * records still leave in order) even though it cannot outlive the page.
 */
export function createSafeStorage(storage: ProofStorage | undefined): SafeStorage {
  let store = storage;
  if (!store) {
    try {
      store = globalThis.localStorage;
    } catch {
      store = undefined; // access itself throws when storage is blocked
    }
  }
  /** Keys whose last write did not reach storage, with the value written. */
  const memory = new Map<string, string>();
  return {
    read(key, fallback, isValid) {
      try {
        const raw = memory.get(key) ?? store?.getItem(key);
        if (raw === null || raw === undefined) return fallback;
        const value: unknown = JSON.parse(raw);
        return isValid(value) ? value : fallback;
      } catch {
        return fallback;
      }
    },
    write(key, value) {
      const raw = JSON.stringify(value);
      try {
        if (!store) throw new Error('no storage');
        store.setItem(key, raw);
        memory.delete(key);
      } catch {
        memory.set(key, raw);
      }
    },
  };
}
