'use client';

import { useState } from 'react';
import { NewSessionForm } from './new-session-form';
import { SessionPanel } from './session-panel';
import { SessionsList } from './sessions-list';
import { SignedIn } from './signed-in';

/** Sign-in, then the cockpit: the live list of sessions beside the one being run. */
export function FacilitatorHome() {
  const [selected, setSelected] = useState<string | null>(null);
  const [room, setRoom] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  return (
    <SignedIn>
      {() => (
        <>
          <h1>Your sessions</h1>
          <div className="cockpit-columns">
            <div>
              <button type="button" onClick={() => setCreating(true)} aria-expanded={creating} aria-controls="new-session">
                New session
              </button>
              <SessionsList selected={selected} onSelect={(id, code) => { setSelected(id); setRoom(code); setCreating(false); }} />
            </div>
            <div>
              {creating && (
                <NewSessionForm
                  onCancel={() => setCreating(false)}
                  onCreated={(id, code) => {
                    setSelected(id);
                    setRoom(code);
                    setCreating(false);
                  }}
                />
              )}
              {selected && !creating && <SessionPanel key={selected} sessionId={selected} room={room} />}
              {!selected && !creating && <p className="card">Pick a session from the list, or create a new one.</p>}
            </div>
          </div>
        </>
      )}
    </SignedIn>
  );
}
