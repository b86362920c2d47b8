'use client';

import { useState } from 'react';
import { api, errorMessage } from '../../lib/api';

/** One's own upload: share it with every facilitator, or keep it private again. */
export function Sharing({ scenarioRef, shared, onChanged }: { scenarioRef: string; shared: boolean; onChanged: () => void }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const change = async (next: boolean) => {
    setBusy(true);
    setMessage(null);
    try {
      await api.scenario.setSharing.mutate({ ref: scenarioRef, shared: next });
      setMessage({ error: false, text: next ? 'Shared: every facilitator can now run it.' : 'Private: only you can run it now.' });
      onChanged();
    } catch (e) {
      setMessage({ error: true, text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <fieldset className="sharing">
      <legend>Who may run this scenario</legend>
      <label>
        <input type="radio" name={`sharing-${scenarioRef}`} checked={!shared} disabled={busy} onChange={() => void change(false)} /> Only me (private)
      </label>
      <label>
        <input type="radio" name={`sharing-${scenarioRef}`} checked={shared} disabled={busy} onChange={() => void change(true)} /> Every facilitator on this server (shared)
      </label>
      <p className="hint">Sessions already created keep their copy either way.</p>
      <div aria-live="polite">{message && <p role={message.error ? 'alert' : undefined} className={message.error ? 'error' : undefined}>{message.text}</p>}</div>
    </fieldset>
  );
}
