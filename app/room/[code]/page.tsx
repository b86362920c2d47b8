import type { Metadata } from 'next';
import { ProjectorScreen } from './projector-screen';

export const metadata: Metadata = { title: 'Room screen' };

/** The room's public screen, for the projector: nothing on it is secret. */
export default async function RoomPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  return <ProjectorScreen code={code.toUpperCase()} />;
}
