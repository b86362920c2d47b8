import Link from 'next/link';
import { JoinForm } from './join-form';
import { LIMITS } from '../shared/limits';
import { ReturnToGame } from './return-to-game';

export default function HomePage() {
  return (
    <>
      <section aria-labelledby="title" className="intro">
        <h1 id="title">Backchannel</h1>
        <p>
          A real-time role-play where your class negotiates a crisis in public and in secret.
          <br />
          Open a back channel, test the waters, and find out what happens when a secret leaks.
        </p>
      </section>
      <ReturnToGame />
      <section aria-labelledby="join-title" className="card">
        <h2 id="join-title">Join a game</h2>
        <JoinForm nameLength={LIMITS.nameLength} />
      </section>
      <p className="facilitator-link">
        Running a session? <Link href="/facilitator">Facilitator sign-in</Link>
      </p>
    </>
  );
}
