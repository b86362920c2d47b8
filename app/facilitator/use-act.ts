'use client';

import { useCallback, useState } from 'react';
import { errorMessage } from '../lib/api';

/** Runs a command and keeps its outcome in words: the error to show, or what was done. */
export function useAct() {
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const act = useCallback(async (action: () => Promise<unknown>, done?: string): Promise<boolean> => {
    setError(null);
    setNotice(null);
    try {
      await action();
      if (done) setNotice(done);
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    }
  }, []);
  return { act, error, notice };
}
