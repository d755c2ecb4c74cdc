/** The part of Web Storage the client uses; localStorage by default. */
export type ProofStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface SafeStorage {
  read<T>(key: string, fallback: T, isValid: (value: unknown) => value is T): T;
  write(key: string, value: unknown): boolean;
}

/** JSON over Web Storage that never throws: private modes, quota errors and junk read as "nothing". */
export function createSafeStorage(storage: ProofStorage | undefined): SafeStorage {
  let store = storage;
  if (!store) {
    try {
      store = globalThis.localStorage;
    } catch {
      store = undefined; // access itself throws when storage is blocked
    }
  }
  return {
    read(key, fallback, isValid) {
      try {
        const raw = store?.getItem(key);
        if (raw === null || raw === undefined) return fallback;
        const value: unknown = JSON.parse(raw);
        return isValid(value) ? value : fallback;
      } catch {
        return fallback;
      }
    },
    write(key, value) {
      try {
        if (!store) return false;
        store.setItem(key, JSON.stringify(value));
        return true;
      } catch {
        return false;
      }
    },
  };
}
