import { useState } from 'preact/hooks';
import { api, type Me } from './api.js';

export function Login({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [error, setError] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const r = await api<Me & { error?: string }>('POST', '/login', { email: form.get('email'), password: form.get('password') });
    if (r.ok) onSignedIn(r.data);
    else setError(r.data.error ?? 'Sign-in failed');
  };
  return (
    <main class="narrow">
      <h1 tabIndex={-1}>Sign in to the Consentry console</h1>
      <form onSubmit={submit}>
        <label for="email">Email</label>
        <input id="email" name="email" type="email" autocomplete="username" required />
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit">Sign in</button>
      </form>
    </main>
  );
}
