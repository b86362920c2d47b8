'use client';

import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage } from '../../lib/api';
import { readToken } from '../../lib/seat-store';

/**
 * On a student's end screen: a link to the class replay with their own seat, once the
 * facilitator has opened it (their seat token proves the seat). Before that, a button to look again.
 */
export function SeatReplayLink({ room }: { room: string }) {
  const [state, setState] = useState<{ token: string | null; error: string | null; checked: boolean }>({ token: null, error: null, checked: false });
  const check = useCallback(async () => {
    const seatToken = readToken(room);
    if (!seatToken) {
      setState({ token: null, error: null, checked: true });
      return;
    }
    try {
      const { token } = await api.replay.seatClassLink.query({ room, seatToken });
      setState({ token, error: null, checked: true });
    } catch (e) {
      setState({ token: null, error: errorMessage(e), checked: true });
    }
  }, [room]);
  useEffect(() => {
    void check();
  }, [check]);

  if (!state.checked) return null;
  if (state.token) {
    return (
      <p>
        <a href={`/debrief/${encodeURIComponent(state.token)}?room=${encodeURIComponent(room)}`}>Replay the session from your seat (class debrief)</a>
      </p>
    );
  }
  return (
    <p className="hint" role="status">
      {state.error ?? 'The replay of your seat opens here once your teacher shares the class debrief.'}{' '}
      <button type="button" className="link-button" onClick={() => void check()}>
        Look again
      </button>
    </p>
  );
}
