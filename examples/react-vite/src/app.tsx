/** @jsxImportSource react */
import { ConsentGate, useConsent } from '@consentry/react';

const VIDEO = 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ';

function VideoPlaceholder() {
  const { update, showPreferences } = useConsent();
  return (
    <div className="placeholder" role="group" aria-label="YouTube video (blocked)">
      <p>This video is hosted by YouTube, which sets cookies for advertising. It loads only with your consent.</p>
      <button type="button" onClick={() => update({ targeting: true, vendors: { youtube: true } })}>
        Allow YouTube and play
      </button>{' '}
      <button type="button" onClick={(e) => showPreferences(e.currentTarget)}>
        Cookie settings
      </button>
    </div>
  );
}

function ConsentStatus() {
  const { state, showPreferences, reset } = useConsent();
  const rows = Object.entries(state.choices).map(([category, on]) => (
    <li key={category}>
      {category}: <strong data-testid={`choice-${category}`}>{on ? 'granted' : 'denied'}</strong>
    </li>
  ));
  return (
    <section aria-labelledby="status-title">
      <h2 id="status-title">Your consent</h2>
      <p>
        Status: <strong data-testid="status">{state.status}</strong>
        {state.decidedAt !== null && <> (decided {new Date(state.decidedAt).toISOString().slice(0, 10)})</>}
      </p>
      <ul>{rows}</ul>
      <button type="button" onClick={(e) => showPreferences(e.currentTarget)}>
        Change cookie preferences
      </button>{' '}
      <button type="button" onClick={() => reset()}>
        Forget my choice
      </button>
    </section>
  );
}

export function App() {
  return (
    <main>
      <h1>Consentry with React</h1>
      <ConsentStatus />
      <section aria-labelledby="video-title">
        <h2 id="video-title">A YouTube embed behind consent</h2>
        <ConsentGate vendor="youtube" fallback={<VideoPlaceholder />}>
          <iframe
            title="Example video"
            width="560"
            height="315"
            src={VIDEO}
            allow="encrypted-media; picture-in-picture"
            allowFullScreen
          />
        </ConsentGate>
      </section>
    </main>
  );
}
