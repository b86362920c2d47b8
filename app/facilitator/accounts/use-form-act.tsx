'use client';

import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../lib/api';
import { Feedback } from '../feedback';

/** A problem found before asking the server, in words for the person at the form. */
export class FormProblem extends Error {}

/** A form whose submit runs one call: the error or the outcome in words, and the form cleared when it worked. */
export function useFormAct() {
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = (run: (data: FormData) => Promise<string>) => async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setError(null);
    setDone(null);
    try {
      setDone(await run(new FormData(form)));
      form.reset();
    } catch (e) {
      setError(e instanceof FormProblem ? e.message : errorMessage(e));
    }
  };
  const feedback = <Feedback error={error} notice={done} />;
  return { submit, feedback, setError, setDone };
}
