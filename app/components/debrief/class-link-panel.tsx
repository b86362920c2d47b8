'use client';

import { useEffect, useState } from 'react';
import type { ClassLink, ClassReveal, Timeline } from '../../../server/replay/types';
import { api, errorMessage } from '../../lib/api';

/**
 * The class link: a read-only page for the students that shows only what the facilitator
 * chooses (which tables, whether back channels and secrets, whether names). Off by default;
 * turning it off closes the page at once.
 */
export function ClassLinkPanel({ sessionId, timeline }: { sessionId: string; timeline: Timeline }) {
  const [link, setLink] = useState<ClassLink | null>(null);
  const [reveal, setReveal] = useState<ClassReveal>({ tables: 'all', backChannels: false, names: false });
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  const [pending, setPending] = useState(false);

  useEffect(() => {
    api.replay.classLink.get
      .query({ sessionId })
      .then((l) => {
        setLink(l);
        setReveal(l.reveal);
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [sessionId]);

  async function save(enabled: boolean) {
    setPending(true);
    setError(null);
    try {
      const l = await api.replay.classLink.set.mutate({ sessionId, enabled, reveal });
      setLink(l);
      setReveal(l.reveal);
      setSaved(enabled ? 'The class link is on with these choices.' : 'The class link is off: the page no longer opens.');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  const allTables = reveal.tables === 'all';
  const chosen = allTables ? timeline.tables.map((t) => t.tableId) : (reveal.tables as string[]);
  const toggleTable = (id: string, on: boolean) => {
    const next = on ? [...new Set([...chosen, id])] : chosen.filter((x) => x !== id);
    setReveal({ ...reveal, tables: next.length === timeline.tables.length ? 'all' : next });
  };
  const url = link?.enabled && link.token ? `${typeof window === 'undefined' ? '' : window.location.origin}/debrief/${link.token}` : null;

  if (!link) return error ? <p role="alert" className="error">{error}</p> : <p>Loading the class link…</p>;
  return (
    <div className="class-link">
      <p>
        The class link is <strong>{link.enabled ? 'on' : 'off'}</strong>.{' '}
        {url ? (
          <>
            Students open <a href={url}>{url}</a>; each student&apos;s end screen also links to their own seat&apos;s replay.
          </>
        ) : (
          'Turn it on to give the class a read-only page of the debrief.'
        )}
      </p>
      <fieldset>
        <legend>What the class sees</legend>
        <p className="hint">Always: the public record — front channels, stories, support, escalation, public terms and scores. Team channels never.</p>
        <div role="group" aria-labelledby="reveal-tables-label">
          <p id="reveal-tables-label" className="reveal-label">
            Tables shown
          </p>
          {timeline.tables.map((t) => (
            <p key={t.tableId} className="check">
              <input type="checkbox" id={`reveal-${t.tableId}`} checked={chosen.includes(t.tableId)} onChange={(e) => toggleTable(t.tableId, e.currentTarget.checked)} />
              <label htmlFor={`reveal-${t.tableId}`}>{t.name}</label>
            </p>
          ))}
          {chosen.length === 0 ? <p className="hint">Choose at least one table to turn the link on.</p> : null}
        </div>
        <p className="check">
          <input type="checkbox" id="reveal-back" checked={reveal.backChannels} onChange={(e) => setReveal({ ...reveal, backChannels: e.currentTarget.checked })} />
          <label htmlFor="reveal-back">Back channels: their members, texts and proposals, secret terms and the leak traces</label>
        </p>
        <p className="check">
          <input type="checkbox" id="reveal-names" checked={reveal.names} onChange={(e) => setReveal({ ...reveal, names: e.currentTarget.checked })} />
          <label htmlFor="reveal-names">Students&apos; names (off: role titles only)</label>
        </p>
      </fieldset>
      <div className="button-row">
        <button type="button" disabled={pending || chosen.length === 0} onClick={() => void save(true)}>
          {link.enabled ? 'Save what the class sees' : 'Turn the class link on'}
        </button>
        {link.enabled ? (
          <button type="button" className="danger" disabled={pending} onClick={() => void save(false)}>
            Turn the class link off
          </button>
        ) : null}
      </div>
      <p role="status" className="hint">
        {saved}
      </p>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
