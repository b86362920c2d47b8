'use client';

import { useEffect, useState } from 'react';
import type { Scenario } from '../../../../server/engine/scenario';
import { api, errorMessage } from '../../../lib/api';
import { SignedIn } from '../../signed-in';
import { RoleBrief } from '../role-brief';

/** Every role's brief, one per printed page, for pre-reading or a class without devices. */
export function PrintBriefs({ scenarioRef }: { scenarioRef: string }) {
  return <SignedIn>{() => <Briefs scenarioRef={scenarioRef} />}</SignedIn>;
}

function Briefs({ scenarioRef }: { scenarioRef: string }) {
  const [scenario, setScenario] = useState<Scenario | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.scenario.get.query({ ref: scenarioRef }).then(setScenario, (e: unknown) => setError(errorMessage(e)));
  }, [scenarioRef]);
  if (error) return <p role="alert" className="error">{error}</p>;
  if (!scenario) return <p aria-live="polite">Loading…</p>;
  return (
    <div className="print-briefs">
      <div className="no-print">
        <h1>{scenario.title}: the briefs</h1>
        <p>Each role prints on its own page. Hand each student only their own.</p>
        <button type="button" onClick={() => window.print()}>
          Print
        </button>
      </div>
      {scenario.roles.map((role) => (
        <section key={role.id} className="print-role" aria-label={role.title}>
          <p className="print-scenario">
            {scenario.title} ({scenario.period}) — confidential brief
          </p>
          <RoleBrief scenario={scenario} role={role} headingLevel={3} />
        </section>
      ))}
    </div>
  );
}
