'use client';

import { useEffect, useState } from 'react';
import { api, errorMessage } from '../../lib/api';
import { Feedback } from '../feedback';

/** One's own upload: share it with every facilitator, or keep it private again. */
export function Sharing({ scenarioRef, shared, onChanged }: { scenarioRef: string; shared: boolean; onChanged: () => void }) {
  const [busy, setBusy] = useState(false);
  // The choice shows at once (a radio that springs back while the server answers reads as broken);
  // it goes back if the server refuses, and follows the listing when that is read again.
  const [value, setValue] = useState(shared);
  useEffect(() => setValue(shared), [shared]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const change = async (next: boolean) => {
    setBusy(true);
    setValue(next);
    setError(null);
    setNotice(null);
    try {
      await api.scenario.setSharing.mutate({ ref: scenarioRef, shared: next });
      setNotice(next ? 'Shared: every facilitator can now run it.' : 'Private: only you can run it now.');
      onChanged();
    } catch (e) {
      setValue(!next);
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <fieldset className="sharing">
      <legend>Who may run this scenario</legend>
      <label>
        <input type="radio" name={`sharing-${scenarioRef}`} checked={!value} disabled={busy} onChange={() => void change(false)} /> Only me (private)
      </label>
      <label>
        <input type="radio" name={`sharing-${scenarioRef}`} checked={value} disabled={busy} onChange={() => void change(true)} /> Every facilitator on this server (shared)
      </label>
      <p className="hint">Sessions already created keep their copy either way.</p>
      <Feedback error={error} notice={notice} />
    </fieldset>
  );
}
