import type { Metadata } from 'next';
import { ArchiveScreen } from '../../components/debrief/archive-screen';

export const metadata: Metadata = { title: 'Debriefs' };

/** /facilitator/debriefs: finished sessions and their debriefs, imports, deletion and (admins) retention. */
export default function DebriefsPage() {
  return <ArchiveScreen />;
}
