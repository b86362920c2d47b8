import type { ReactNode } from 'react';
import './cockpit.css';

/** Every facilitator screen is a wide cockpit, not the students' phone column. */
export default function FacilitatorLayout({ children }: { children: ReactNode }) {
  return <div className="cockpit">{children}</div>;
}
