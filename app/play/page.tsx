import { redirect } from 'next/navigation';
import { LIMITS } from '../../shared/limits';

/** The join form without JavaScript submits to /play?code=…&name=…; send it to /play/CODE?name=…. */
export default async function PlayRedirect({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
  const code = first(query.code).toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 16);
  if (!code) redirect('/');
  const name = first(query.name).trim().slice(0, LIMITS.nameLength);
  redirect(`/play/${encodeURIComponent(code)}${name ? `?${new URLSearchParams({ name })}` : ''}`);
}
