'use client';

import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ChannelView } from '../../../server/engine/view';
import { useGameContext, useCommand } from './context';
import { ErrorText } from './error-text';
import { channelLabel, postingStatus } from './labels';

/** Writing in a channel: Ctrl/Cmd+Enter or Send; disabled, with the reason, when the channel is not open to me. */
export function Compose({ channel, draft, setDraft }: { channel: ChannelView; draft: string; setDraft: (text: string) => void }) {
  const { view } = useGameContext();
  const post = useCommand();
  const [sentNote, setSentNote] = useState('');
  const status = postingStatus(view, channel);
  const max = view.limits.messageLength;
  const id = 'compose-text';
  const empty = draft.trim() === '';

  async function send() {
    if (!status.ok || empty || post.pending) return;
    const ok = await post.run({ type: 'PostMessage', channelId: channel.id, text: draft });
    if (ok) {
      setDraft('');
      setSentNote('Sent.');
    }
  }
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void send();
  }
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send();
    }
  }

  return (
    <form className="compose" onSubmit={onSubmit}>
      <label htmlFor={id}>Message in {channelLabel(view, channel)}</label>
      <textarea
        id={id}
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          setSentNote('');
          post.clearError();
        }}
        onKeyDown={onKeyDown}
        maxLength={max}
        rows={3}
        disabled={!status.ok}
        aria-describedby={`${id}-hint ${id}-count${status.ok ? '' : ` ${id}-reason`}`}
      />
      <div className="compose-bar">
        <p id={`${id}-hint`} className="hint">
          {channel.kind === 'back' ? 'Secret, but it may leak. ' : ''}Ctrl+Enter (⌘+Enter) sends.
        </p>
        <p id={`${id}-count`} className="hint counter">
          {draft.length} / {max}
        </p>
        <button type="submit" disabled={!status.ok || empty || post.pending}>
          Send
        </button>
      </div>
      {!status.ok ? (
        <p id={`${id}-reason`} className="notice">
          {status.reason}
        </p>
      ) : null}
      <ErrorText error={post.error} />
      <p className="visually-hidden" role="status">
        {sentNote}
      </p>
    </form>
  );
}
