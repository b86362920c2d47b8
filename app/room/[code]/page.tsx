import type { Metadata } from 'next';
import { ProjectorScreen } from './projector-screen';
import './projector.css';

export const metadata: Metadata = { title: 'Room screen' };

/** The room's public screen, for the projector: nothing on it is secret. */
export default async function RoomPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  // PUBLIC_ORIGIN is the address students can reach (the teacher's own browser may be on localhost).
  return <ProjectorScreen code={code.toUpperCase()} publicOrigin={process.env.PUBLIC_ORIGIN ?? null} />;
}
