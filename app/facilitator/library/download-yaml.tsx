'use client';

import { useEffect, useState } from 'react';
import { stringify } from 'yaml';
import type { Scenario } from '../../../server/engine/scenario';

/** The scenario as a YAML file to adapt and upload again. */
export function DownloadYaml({ scenario }: { scenario: Scenario }) {
  const [href, setHref] = useState<string | null>(null);
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([stringify(scenario, { lineWidth: 0 })], { type: 'application/yaml' }));
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [scenario]);
  if (!href) return null;
  return (
    <a className="button-link" href={href} download={`${scenario.id}.yaml`}>
      Download as YAML
    </a>
  );
}
