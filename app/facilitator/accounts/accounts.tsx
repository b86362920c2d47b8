'use client';

import { SignedIn } from '../signed-in';
import { ChangePassword } from './change-password';
import { ManageFacilitators } from './manage-facilitators';

/** Everyone changes their own password; an administrator also adds, resets and removes facilitators. */
export function Accounts() {
  return (
    <SignedIn>
      {(me) => (
        <>
          <h1>Accounts</h1>
          <div className="cockpit-columns">
            <ChangePassword />
            {me.isAdmin ? <ManageFacilitators myId={me.id} /> : <p className="card">Only an administrator can add or remove facilitators. Ask yours.</p>}
          </div>
        </>
      )}
    </SignedIn>
  );
}
