import { holdingRule } from './context.js';
import { patchMethod } from './patch.js';
import type { BlockerContext } from './context.js';
import type { NameMatcher } from './name-matcher.js';
import type { Restore } from './patch.js';

/** Open connections to vendors' databases: a database cannot be deleted while a connection holds it. */
const connections = new Map<string, Set<IDBDatabase>>();

/** Closes every connection the page holds to `name` (the vendor's later operations fail as on a closed database). */
export function closeConnections(name: string): void {
  for (const db of connections.get(name) ?? []) db.close(); // closing twice is allowed
  connections.delete(name);
}

/**
 * Holds `indexedDB.open` for a database of a vendor that is not granted, the way a browser with storage
 * switched off does (a `SecurityError`), and tracks the connections to vendors' databases so a withdrawal
 * can close them and the deletion is not blocked for as long as the page lives.
 */
export function interceptIndexedDB(ctx: BlockerContext, names: NameMatcher): Restore {
  if (typeof IDBFactory === 'undefined') return () => {};
  return patchMethod(IDBFactory.prototype, 'open', (original) => function (this: IDBFactory, name: string, version?: number) {
    const key = String(name);
    const rules = names(key);
    if (!rules) return version === undefined ? original.call(this, name) : original.call(this, name, version);
    const rule = ctx.inInternal ? null : holdingRule(ctx, rules);
    if (rule) {
      ctx.report('storage', rule, key);
      throw new DOMException(`Consentry: ${rule.id} is not granted`, 'SecurityError');
    }
    const request = version === undefined ? original.call(this, name) : original.call(this, name, version);
    request.addEventListener('success', () => {
      const open = connections.get(key) ?? new Set<IDBDatabase>();
      connections.set(key, open.add(request.result));
    });
    return request;
  } as IDBFactory['open']);
}
