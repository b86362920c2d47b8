import type { Metadata } from 'next';
import { GuideScreen } from './guide-screen';

export const metadata: Metadata = { title: "Teacher's guide" };

export default async function GuidePage({ params }: { params: Promise<{ scenarioId: string }> }) {
  const { scenarioId } = await params;
  return <GuideScreen scenarioId={decodeURIComponent(scenarioId)} />;
}
