'use client';

import { useEffect, useState } from 'react';
import { api, errorMessage } from '../../../lib/api';
import { SignedIn } from '../../signed-in';
import { GuideBody, type Guide } from './guide-body';

/** The teacher's guide of a scenario, opened from the session screen in its own tab. */
export function GuideScreen({ scenarioId }: { scenarioId: string }) {
  return <SignedIn>{() => <Loaded scenarioId={scenarioId} />}</SignedIn>;
}

function Loaded({ scenarioId }: { scenarioId: string }) {
  const [guide, setGuide] = useState<Guide | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.scenario.guide.query({ scenarioId }).then(setGuide, (e: unknown) => setError(errorMessage(e)));
  }, [scenarioId]);
  if (error) return <p role="alert" className="error">{error}</p>;
  if (guide === undefined) return <p aria-live="polite">Loading…</p>;
  if (guide === null) return <p className="card">This scenario has no teacher&apos;s guide (uploaded scenarios do not come with one).</p>;
  return <GuideBody guide={guide} />;
}
