import type { Notice } from '@consentry/protocol';
import type { SafeStorage } from './safe-storage.js';

const NOTICES_KEY = 'consentry.proof.notices';
const MAX_KNOWN = 20;
const MAX_PENDING = 3;

interface NoticeState {
  /** Hashes the server is known to hold: their texts are never sent again. */
  known: string[];
  /** Texts waiting to be registered, by hash. */
  pending: Record<string, Notice>;
}
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNotices = (v: unknown): v is NoticeState => isObject(v) && Array.isArray(v['known']) && isObject(v['pending']);

/** The texts behind each noticeHash travel once: only when the server says it lacks them. */
export function createNoticeRegistry(store: SafeStorage, post: (body: string) => Promise<Response>, enabled: boolean) {
  const read = () => store.read<NoticeState>(NOTICES_KEY, { known: [], pending: {} }, isNotices);
  return {
    /** Keeps the texts of a new record until the server has answered whether it holds them. */
    remember(hash: string, notice: Notice): void {
      const state = read();
      if (state.known.includes(hash) || state.pending[hash]) return;
      const pending = Object.entries(state.pending).slice(-(MAX_PENDING - 1));
      store.write(NOTICES_KEY, { known: state.known, pending: { ...Object.fromEntries(pending), [hash]: notice } });
    },
    /** The server told us whether it holds this notice: remember it, or send the texts (once). */
    async answered(hash: string, onFile: boolean): Promise<void> {
      const state = read();
      if (state.known.includes(hash)) return;
      const notice = state.pending[hash];
      if (!onFile) {
        if (!notice || !enabled) return;
        try {
          const res = await post(JSON.stringify({ noticeHash: hash, language: notice.language, texts: notice.texts }));
          if (!res.ok) {
            if (res.status === 400) console.error(`[consentry] proof: the server refused the notice texts for ${hash} (${res.status})`);
            return; // kept pending; tried again after the next stored record
          }
        } catch {
          return;
        }
      }
      const latest = read();
      delete latest.pending[hash];
      latest.known = [...latest.known.filter((h) => h !== hash), hash].slice(-MAX_KNOWN);
      store.write(NOTICES_KEY, latest);
    },
  };
}
