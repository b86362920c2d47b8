'use client';

import { useCallback, useRef, useState, type ReactNode } from 'react';

interface Ask {
  title: string;
  body: ReactNode;
  confirm: string;
}

/**
 * Asks before what cannot be undone (end session, skip a phase, kick), in a native modal
 * <dialog>: the browser traps focus and closes it on Escape. Focus starts on Cancel, the safe
 * choice, and returns to the button that opened it.
 */
export function useConfirm(): [ReactNode, (ask: Ask) => Promise<boolean>] {
  const ref = useRef<HTMLDialogElement>(null);
  const [ask, setAsk] = useState<Ask | null>(null);
  const settle = useRef<((ok: boolean) => void) | null>(null);
  const opener = useRef<HTMLElement | null>(null);

  const confirm = useCallback((next: Ask) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setAsk(next);
    return new Promise<boolean>((resolve) => {
      settle.current = resolve;
      // Open after React has drawn the new text.
      requestAnimationFrame(() => {
        ref.current?.showModal();
        ref.current?.querySelector<HTMLButtonElement>('button[value=cancel]')?.focus();
      });
    });
  }, []);

  const onClose = () => {
    const ok = ref.current?.returnValue === 'confirm';
    settle.current?.(ok);
    settle.current = null;
    if (ref.current) ref.current.returnValue = '';
    opener.current?.focus();
  };

  const dialog = (
    <dialog ref={ref} className="confirm" aria-labelledby="confirm-title" aria-describedby="confirm-body" onClose={onClose}>
      {ask && (
        <form method="dialog">
          <h2 id="confirm-title">{ask.title}</h2>
          <div id="confirm-body">{ask.body}</div>
          <div className="button-row">
            <button type="submit" value="cancel" className="secondary">
              Cancel
            </button>
            <button type="submit" value="confirm" className="danger-strong">
              {ask.confirm}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
  return [dialog, confirm];
}
