'use client';

import { useState } from 'react';
import type { Scenario } from '../../../server/engine/scenario';
import { RoleBrief } from './role-brief';

/** The scenario as one role would see it at the start: pick the role. */
export function RolePreview({ scenario }: { scenario: Scenario }) {
  const [roleId, setRoleId] = useState(scenario.roles[0]?.id ?? '');
  const role = scenario.roles.find((r) => r.id === roleId);
  return (
    <section aria-labelledby="as-role-title">
      <h3 id="as-role-title">Preview as a role</h3>
      <div className="field">
        <label htmlFor="preview-role">Role</label>
        <select id="preview-role" value={roleId} onChange={(e) => setRoleId(e.target.value)}>
          {scenario.roles.map((r) => (
            <option key={r.id} value={r.id}>
              {r.title}
            </option>
          ))}
        </select>
      </div>
      {role && <RoleBrief scenario={scenario} role={role} headingLevel={4} />}
    </section>
  );
}
