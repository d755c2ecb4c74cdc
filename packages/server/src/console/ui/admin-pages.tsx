import { useEffect, useState } from 'preact/hooks';
import { api, type Me } from './api.js';

interface Entry {
  id: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  detail: unknown;
}

export function Audit() {
  const [entries, setEntries] = useState<Entry[] | null>(null);
  useEffect(() => void api<{ entries: Entry[] }>('GET', '/audit').then((r) => setEntries(r.data.entries ?? [])), []);
  return (
    <>
      <h1 tabIndex={-1}>Audit log</h1>
      <p class="muted">Every change, newest first. Entries cannot be edited or deleted, by the console or in the database.</p>
      <div class="scroll" tabIndex={0} role="region" aria-label="Audit log entries">
        <table>
          <thead>
            <tr>
              <th scope="col">When (UTC)</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">On</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {entries?.map((e) => (
              <tr key={e.id}>
                <td>{e.at.replace('T', ' ').slice(0, 19)}</td>
                <td>{e.actor}</td>
                <td>{e.action}</td>
                <td>{e.subject}</td>
                <td>
                  <code class="detail">{e.detail === null ? '' : JSON.stringify(e.detail)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

interface AccountRow {
  email: string;
  role: string;
  createdAt: string;
}

export function Accounts({ me }: { me: Me }) {
  const [accounts, setAccounts] = useState<AccountRow[] | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const load = () => api<{ accounts: AccountRow[] }>('GET', '/accounts').then((r) => setAccounts(r.data.accounts ?? []));
  useEffect(() => void load(), []);
  const create = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const d = new FormData(form);
    const r = await api('POST', '/accounts', { email: d.get('email'), role: d.get('role'), password: d.get('password') });
    if (!r.ok) return setMessage({ error: true, text: `${r.data.path ? `${r.data.path}: ` : ''}${r.data.error}` });
    setMessage({ error: false, text: `Account ${r.data.email} (${r.data.role}) created.` });
    form.reset();
    await load();
  };
  const remove = async (email: string) => {
    const r = await api('DELETE', `/accounts/${encodeURIComponent(email)}`);
    setMessage(r.ok ? { error: false, text: `Account ${email} deleted.` } : { error: true, text: r.data.error });
    await load();
  };
  return (
    <>
      <h1 tabIndex={-1}>Accounts</h1>
      <p class="muted">Owners manage accounts and export proofs; marketers edit and publish site configs.</p>
      <div class="scroll" tabIndex={0} role="region" aria-label="Accounts">
        <table>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Since</th>
              <th scope="col">
                <span class="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {accounts?.map((a) => (
              <tr key={a.email}>
                <td>{a.email}</td>
                <td>{a.role}</td>
                <td>{a.createdAt.slice(0, 10)}</td>
                <td>
                  {a.email !== me.email && (
                    <button type="button" class="secondary" onClick={() => remove(a.email)}>
                      Delete {a.email}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>New account</h2>
      <form onSubmit={create} class="inline">
        <div>
          <label for="acc-email">Email</label>
          <input id="acc-email" name="email" type="email" required autocomplete="off" />
        </div>
        <div>
          <label for="acc-role">Role</label>
          <select id="acc-role" name="role">
            <option value="marketer">Marketer</option>
            <option value="owner">Owner</option>
          </select>
        </div>
        <div>
          <label for="acc-password">Password (12 characters or more)</label>
          <input id="acc-password" name="password" type="password" minLength={12} required autocomplete="new-password" />
        </div>
        <button type="submit">Create account</button>
      </form>
      {message && (
        <p class={message.error ? 'error' : 'ok'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </>
  );
}
