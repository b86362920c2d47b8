'use client';

import { useEffect, useRef, useState } from 'react';

/** Long enough that dragging the scrubber asks for one moment, not fifty; short enough to feel live. */
export const FETCH_DEBOUNCE_MS = 120;

/**
 * The view at a moment, fetched once the scrubber rests: requests are debounced, a newer one
 * aborts the older, and the last view stays on screen (marked stale) until the new one arrives,
 * so scrubbing never blanks the page or floods the main thread with renders.
 */
export function useMoment<K, V>(key: K | null, fetcher: (key: K, signal: AbortSignal) => Promise<V>): { value: V | null; loading: boolean; error: string | null } {
  const [value, setValue] = useState<V | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fetcherRef = useRef(fetcher);
  useEffect(() => {
    fetcherRef.current = fetcher;
  }, [fetcher]);
  const serial = key === null ? null : JSON.stringify(key);

  useEffect(() => {
    if (serial === null) return;
    const controller = new AbortController();
    setLoading(true);
    const timer = setTimeout(() => {
      fetcherRef
        .current(JSON.parse(serial) as K, controller.signal)
        .then((v) => {
          if (controller.signal.aborted) return;
          setValue(v);
          setError(null);
          setLoading(false);
        })
        .catch((e: unknown) => {
          if (controller.signal.aborted) return;
          setError(e instanceof Error ? e.message : 'The moment could not be loaded.');
          setLoading(false);
        });
    }, FETCH_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [serial]);

  return { value, loading, error };
}

/** `value`, once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
