'use client';

import { useState } from 'react';
import { api, errorMessage } from '../../lib/api';
import { useConfirm } from '../../facilitator/confirm-dialog';

/**
 * Deletes a session that is not running, and everything stored about it, after a confirm dialog
 * that says what goes. The refusal (a running session) or any failure is shown beside the button.
 */
export function DeleteSession({ sessionId, code, onDeleted, label = 'Delete…', quiet = false }: { sessionId: string; code: string; onDeleted: () => void; label?: string; quiet?: boolean }) {
  const [dialog, confirm] = useConfirm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function ask() {
    setError(null);
    const ok = await confirm({
      title: `Delete session ${code}?`,
      body: (
        <p>
          Its event log, debrief, exports, class link and students&apos; seats are deleted for good. Download the event log first if you may want
          this debrief again: it can be imported back.
        </p>
      ),
      confirm: `Delete ${code}`,
    });
    if (!ok) return;
    setBusy(true);
    try {
      await api.replay.deleteSession.mutate({ sessionId });
      onDeleted();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <span className="delete-session">
      <button type="button" className={quiet ? 'button-danger-quiet' : 'danger-strong'} onClick={() => void ask()} disabled={busy} aria-label={label === 'Delete…' ? `Delete session ${code}…` : undefined}>
        {busy ? 'Deleting…' : label}
      </button>
      {error ? (
        <span role="alert" className="error">
          {error}
        </span>
      ) : null}
      {dialog}
    </span>
  );
}
