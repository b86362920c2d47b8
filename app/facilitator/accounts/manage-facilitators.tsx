'use client';

import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage } from '../../lib/api';
import { useConfirm } from '../confirm-dialog';
import { useFormAct } from './use-form-act';

type Account = Awaited<ReturnType<typeof api.auth.listFacilitators.query>>[number];

/** For an administrator: every facilitator, a new one, a password reset, a removal (confirmed). */
export function ManageFacilitators({ myId }: { myId: string }) {
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [resetting, setResetting] = useState<string | null>(null);
  const add = useFormAct();
  const row = useFormAct();
  const [dialog, confirm] = useConfirm();
  const { setError } = row;
  const load = useCallback(() => api.auth.listFacilitators.query().then(setAccounts, (e: unknown) => setError(errorMessage(e))), [setError]);
  useEffect(() => {
    void load();
  }, [load]);

  async function remove(a: Account) {
    const yes = await confirm({ title: `Remove ${a.email}?`, body: <p>Their sign-ins end now, and their sessions pass to you.</p>, confirm: 'Remove account' });
    if (!yes) return;
    try {
      const r = await api.auth.removeFacilitator.mutate({ facilitatorId: a.id });
      row.setDone(`${a.email} was removed; ${r.sessionsMoved} session${r.sessionsMoved === 1 ? '' : 's'} passed to you.`);
      await load();
    } catch (e) {
      row.setError(errorMessage(e));
    }
  }

  return (
    <section aria-labelledby="team-title" className="card">
      <h2 id="team-title">Facilitators</h2>
      {row.feedback}
      <ul className="session-list">
        {(accounts ?? []).map((a) => (
          <li key={a.id}>
            <span>
              <strong>{a.email}</strong> {a.isAdmin ? '(administrator)' : ''} {a.id === myId ? '— you' : ''}
            </span>
            {a.id !== myId && (
              <span className="seat-actions">
                <button type="button" className="small-button secondary" aria-expanded={resetting === a.id} onClick={() => setResetting(resetting === a.id ? null : a.id)}>
                  Reset password
                </button>
                <button type="button" className="small-button secondary" onClick={() => void remove(a)} aria-label={`Remove ${a.email}`}>
                  Remove
                </button>
              </span>
            )}
            {resetting === a.id && (
              <form
                className="inline-bots"
                onSubmit={row.submit(async (d) => {
                  await api.auth.resetPassword.mutate({ facilitatorId: a.id, password: String(d.get('password')) });
                  setResetting(null);
                  return `${a.email} has a new password; tell them, and their sign-ins have ended.`;
                })}
              >
                <label htmlFor={`reset-${a.id}`}>New password for {a.email}</label>
                <input id={`reset-${a.id}`} name="password" type="password" autoComplete="new-password" minLength={10} required />
                <button type="submit" className="small-button">
                  Set password
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      <h3>Add a facilitator</h3>
      <form
        className="join-form"
        onSubmit={add.submit(async (d) => {
          const created = await api.auth.createFacilitator.mutate({ email: String(d.get('email')), password: String(d.get('password')), isAdmin: d.get('admin') === 'on' });
          await load();
          return `${created.email} can now sign in.`;
        })}
      >
        <div className="field">
          <label htmlFor="new-email">Email</label>
          <input id="new-email" name="email" type="email" autoComplete="off" required />
        </div>
        <div className="field">
          <label htmlFor="new-password">First password</label>
          <input id="new-password" name="password" type="password" autoComplete="new-password" minLength={10} required />
        </div>
        <label className="check">
          <input type="checkbox" name="admin" /> Administrator (can manage accounts)
        </label>
        <button type="submit">Add facilitator</button>
      </form>
      {add.feedback}
      {dialog}
    </section>
  );
}
