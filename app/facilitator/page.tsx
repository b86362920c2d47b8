import type { Metadata } from 'next';
import { FacilitatorHome } from './facilitator-home';

export const metadata: Metadata = { title: 'Facilitator' };

export default function FacilitatorPage() {
  return <FacilitatorHome />;
}
