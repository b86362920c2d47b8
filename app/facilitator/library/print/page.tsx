import type { Metadata } from 'next';
import { PrintBriefs } from './print-briefs';
import './print.css';

export const metadata: Metadata = { title: 'Briefs to print' };

export default async function PrintPage({ searchParams }: { searchParams: Promise<{ ref?: string }> }) {
  const { ref } = await searchParams;
  return <PrintBriefs scenarioRef={ref ?? ''} />;
}
