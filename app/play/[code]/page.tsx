import type { Metadata } from 'next';
import { GameScreen } from '../../components/game/game-screen';
// The limits are pure constants in shared/: this page hands the browser the number.
import { LIMITS } from '../../../shared/limits';

/** What a person types, made comparable (as the server does): upper case, no spaces or dashes. */
function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').slice(0, 16);
}

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  return { title: `Room ${normaliseCode(code)}` };
}

/**
 * /play/CODE: the student's game screen (a client component does the rest). The name typed on
 * the home page arrives through sessionStorage; an old-style ?name= link still works, and the
 * client removes it from the address at once.
 */
export default async function PlayPage({ params, searchParams }: Props) {
  const { code } = await params;
  const query = await searchParams;
  const name = typeof query.name === 'string' && query.name.trim() !== '' ? query.name.trim().slice(0, LIMITS.nameLength) : null;
  return (
    <>
      <noscript>
        <p className="notice notice-warn">The game needs JavaScript: turn it on, or use another browser, to play in room {normaliseCode(code)}.</p>
      </noscript>
      <GameScreen code={normaliseCode(code)} linkName={name} nameLength={LIMITS.nameLength} />
    </>
  );
}
