import type { Metadata } from 'next';
import { ClassDebrief } from '../../components/debrief/class-debrief';

export const metadata: Metadata = { title: 'Class debrief', robots: { index: false, follow: false } };

/** /debrief/TOKEN: the class link, read-only; `?room=CODE` adds the student's own seat. */
export default async function ClassDebriefPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await params;
  const query = await searchParams;
  const room = typeof query.room === 'string' ? query.room.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 16) : null;
  return <ClassDebrief token={token.slice(0, 128)} room={room || null} />;
}
