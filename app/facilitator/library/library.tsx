'use client';

import { useCallback, useEffect, useState } from 'react';
import type { Scenario } from '../../../server/engine/scenario';
import { api, errorMessage } from '../../lib/api';
import { ScenarioPreview } from '../scenario-preview';
import { SignedIn } from '../signed-in';
import { DownloadYaml } from './download-yaml';
import { RolePreview } from './role-preview';
import { Sharing } from './sharing';
import { UploadForm } from './upload-form';

type Listing = Awaited<ReturnType<typeof api.scenario.list.query>>[number];
const SOURCE: Record<Listing['source'], string> = { 'built-in': 'Built-in', mine: 'Your upload', shared: 'Shared by a colleague' };

/** Browse the built-ins and the uploads, preview one as each role sees it, download, print, upload. */
export function Library() {
  return <SignedIn>{() => <LibraryBody />}</SignedIn>;
}

function LibraryBody() {
  const [listings, setListings] = useState<Listing[] | null>(null);
  const [ref, setRef] = useState<string | null>(null);
  const [scenario, setScenario] = useState<Scenario | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mine = listings?.find((l) => l.ref === ref && l.source === 'mine');

  const load = useCallback(() => api.scenario.list.query().then(setListings, (e: unknown) => setError(errorMessage(e))), []);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (!ref) return;
    let current = true;
    api.scenario.get.query({ ref }).then((s) => current && setScenario(s), (e: unknown) => current && setError(errorMessage(e)));
    return () => {
      current = false;
    };
  }, [ref]);

  return (
    <>
      <h1>Scenario library</h1>
      {error && <p role="alert" className="error">{error}</p>}
      <div className="cockpit-columns">
        <div>
          <section aria-labelledby="scenarios-title" className="card">
            <h2 id="scenarios-title">Scenarios</h2>
            {listings === null ? (
              <p>Loading…</p>
            ) : (
              <ul className="session-list">
                {listings.map((l) => (
                  <li key={l.ref} data-current={l.ref === ref}>
                    <button type="button" className="link-button" aria-current={l.ref === ref} onClick={() => setRef(l.ref)}>
                      {l.title}
                    </button>
                    <span className="hint">
                      {l.period} · {SOURCE[l.source]}
                      {l.source === 'mine' ? (l.shared ? ', shared' : ', private') : ''}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <UploadForm onUploaded={(newRef) => void load().then(() => setRef(newRef))} />
        </div>
        <div>
          {scenario && ref ? (
            <section aria-labelledby="scenario-title" className="card">
              <h2 id="scenario-title">{scenario.title}</h2>
              <div className="button-row">
                <DownloadYaml scenario={scenario} />
                <a className="button-link" href={`/facilitator/library/print?ref=${encodeURIComponent(ref)}`} target="_blank" rel="noreferrer">
                  Print the briefs
                </a>
              </div>
              {mine && <Sharing scenarioRef={mine.ref} shared={mine.shared} onChanged={() => void load()} />}
              <ScenarioPreview scenario={scenario} />
              <RolePreview key={scenario.id} scenario={scenario} />
            </section>
          ) : (
            <p className="card">Pick a scenario to preview it, as a whole and as each role sees it.</p>
          )}
        </div>
      </div>
    </>
  );
}
