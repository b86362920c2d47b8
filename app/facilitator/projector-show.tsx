'use client';

import { useEffect, useState } from 'react';
import { api } from '../lib/api';
import { Feedback } from './feedback';
import { useAct } from './use-act';

/**
 * After the end: puts the debrief on the room screen (/room/CODE), or takes it off. By default the
 * screen shows only the public outcome; back channels with their leaks, and names, only if ticked.
 */
export function ProjectorShow({ sessionId, code }: { sessionId: string; code: string }) {
  const [shown, setShown] = useState<{ backChannels: boolean; names: boolean } | null>(null);
  const [backChannels, setBackChannels] = useState(false);
  const [names, setNames] = useState(false);
  const { act, error, notice } = useAct();
  useEffect(() => {
    let stopped = false;
    api.session.projectorShow.query({ sessionId }).then(
      (r) => {
        if (stopped || !r.shown) return;
        setShown(r.shown);
        setBackChannels(r.shown.backChannels);
        setNames(r.shown.names);
      },
      () => undefined,
    );
    return () => {
      stopped = true;
    };
  }, [sessionId]);

  const show = (on: boolean) =>
    act(async () => {
      const r = await api.session.showOnProjector.mutate({ sessionId, show: on, backChannels, names });
      setShown(r.shown);
    }, on ? 'The debrief is on the room screen.' : 'The room screen shows the outcome again.');

  return (
    <fieldset className="projector-show">
      <legend>Debrief on the room screen</legend>
      <p className="hint">
        The <a href={`/room/${code}`} target="_blank" rel="noreferrer">room screen</a> shows each table&apos;s outcome, agreement, stories and scores.
        Nothing secret appears unless you tick it here.
      </p>
      <label>
        <input type="checkbox" checked={backChannels} onChange={(e) => setBackChannels(e.target.checked)} /> Include back channels and their leaks
      </label>
      <label>
        <input type="checkbox" checked={names} onChange={(e) => setNames(e.target.checked)} /> Include students&apos; names
      </label>
      <div className="button-row">
        <button type="button" onClick={() => void show(true)}>
          {shown ? 'Update the room screen' : 'Show on projector'}
        </button>
        {shown && (
          <button type="button" className="secondary" onClick={() => void show(false)}>
            Take it off the room screen
          </button>
        )}
      </div>
      <Feedback error={error} notice={notice} />
    </fieldset>
  );
}
