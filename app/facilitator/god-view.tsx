'use client';

import { useState } from 'react';
import { InjectsPanel } from './injects-panel';
import { SeatsPanel } from './seats-panel';
import { labels } from './labels';
import { TableCard } from './table-card';
import { TableDetail } from './table-detail';
import type { SessionTools } from './tools';

/** Play: every table at a glance, one opened to read its channels, and the injects. */
export function GodView(tools: SessionTools) {
  const { view } = tools;
  const tables = Object.keys(view.tables).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  const [open, setOpen] = useState<string | null>(tables.length === 1 ? (tables[0] ?? null) : null);
  const { tableName } = labels(view);
  return (
    <>
      <section aria-labelledby="tables-title">
        <h3 id="tables-title">Tables</h3>
        <div className="table-grid">
          {tables.map((tableId) => (
            <TableCard key={tableId} {...tools} tableId={tableId} open={open === tableId} onOpen={() => setOpen(open === tableId ? null : tableId)} />
          ))}
        </div>
      </section>
      {open && view.tables[open] && (
        <section aria-labelledby="detail-title" className="card">
          <h3 id="detail-title">{tableName(open)}: every channel</h3>
          <TableDetail key={open} {...tools} tableId={open} />
          <SeatsPanel {...tools} tableId={open} />
        </section>
      )}
      <InjectsPanel {...tools} tableId={open} />
    </>
  );
}
