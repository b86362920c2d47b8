import type { ReactNode } from 'react';

/**
 * A box that scrolls when its content is wider or taller than the screen (a wide table on a
 * phone). Focusable and named, so keyboard users can scroll it too.
 */
export function ScrollBox({ label, className = 'table-scroll', children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={className} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
