'use client';

import { api } from '../../lib/api';
import { FormProblem, useFormAct } from './use-form-act';

export function ChangePassword() {
  const { submit, feedback } = useFormAct();
  return (
    <section aria-labelledby="own-title" className="card">
      <h2 id="own-title">Your password</h2>
      <form
        className="join-form"
        onSubmit={submit(async (d) => {
          if (d.get('new') !== d.get('again')) throw new FormProblem('The two new passwords differ: type the same one twice.');
          await api.auth.changePassword.mutate({ currentPassword: String(d.get('current')), newPassword: String(d.get('new')) });
          return 'Your password has changed. Your other sign-ins have ended.';
        })}
      >
        <div className="field">
          <label htmlFor="pw-current">Current password</label>
          <input id="pw-current" name="current" type="password" autoComplete="current-password" required />
        </div>
        <div className="field">
          <label htmlFor="pw-new">New password</label>
          <input id="pw-new" name="new" type="password" autoComplete="new-password" required minLength={10} aria-describedby="pw-hint" />
          <p id="pw-hint" className="hint">
            At least 10 characters; a few words you can remember work well.
          </p>
        </div>
        <div className="field">
          <label htmlFor="pw-again">New password again</label>
          <input id="pw-again" name="again" type="password" autoComplete="new-password" required />
        </div>
        <button type="submit">Change password</button>
      </form>
      {feedback}
    </section>
  );
}
