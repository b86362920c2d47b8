import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Facilitator sign-in' };

export default function FacilitatorPage() {
  return (
    <section aria-labelledby="title" className="card">
      <h1 id="title">Facilitator sign-in</h1>
      <p>Sign-in comes with the facilitator dashboard.</p>
      <p>
        <Link href="/">Back to the home page</Link>
      </p>
    </section>
  );
}
