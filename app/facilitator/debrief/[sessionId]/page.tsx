import type { Metadata } from 'next';
import { DebriefPage } from '../../../components/debrief/debrief-page';

export const metadata: Metadata = { title: 'Debrief' };

/** /facilitator/debrief/SESSION: the facilitator's debrief of a session (sign-in checked by every call). */
export default async function FacilitatorDebriefPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  return <DebriefPage sessionId={sessionId} />;
}
