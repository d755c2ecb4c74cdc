// The console's calls to /admin/api: same origin, the session cookie, and the CSRF token on every change.
let csrf: string | null = null;
export const setCsrf = (token: string | null) => void (csrf = token);

export interface ApiResult<T> {
  ok: boolean;
  status: number;
  data: T;
}

export async function api<T = any>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
  const res = await fetch(`/admin/api${path}`, { method, headers, credentials: 'same-origin', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  let data: any = null;
  try {
    data = await res.json();
  } catch {
    data = { error: `HTTP ${res.status}` };
  }
  return { ok: res.ok, status: res.status, data };
}

export interface Issue {
  path: string;
  message: string;
}
export interface Me {
  email: string;
  role: 'owner' | 'marketer';
  csrf: string | null;
}
