'use client';

import { useId, useState } from 'react';
import type { Marker } from '../../../server/replay/types';
import { clockOf } from './format';
import { JUMP_KINDS, JUMP_LABEL, jumpTarget, markerAtOrBefore, timeOfSeq, type Anchor, type JumpKind } from './moments';
import { SPEEDS, usePlayback, type Speed } from './use-playback';

export interface TimelineProps {
  firstSeq: number;
  lastSeq: number;
  seq: number;
  setSeq: (seq: number) => void;
  markers: readonly Marker[];
  anchors: readonly Anchor[];
  startedAt: number;
}

/**
 * The replay's transport: a scrubber over the event log (a range input, so arrows, Page Up/Down,
 * Home and End work), play/pause at 1×–32×, and jumps to the previous or next moment of a kind.
 * Moving it changes `seq` at once; what the page fetches for that moment is debounced elsewhere.
 */
export function TimelineControls({ firstSeq, lastSeq, seq, setSeq, markers, anchors, startedAt }: TimelineProps) {
  const id = useId();
  const { playing, setPlaying, speed, setSpeed } = usePlayback(anchors, seq, lastSeq, setSeq);
  const [kind, setKind] = useState<JumpKind>('leak');
  const [notice, setNotice] = useState('');
  const last = markerAtOrBefore(markers, seq);
  const time = clockOf(timeOfSeq(anchors, seq) - startedAt);
  const counts = Object.fromEntries(JUMP_KINDS.map((k) => [k, markers.filter((m) => m.kind === k).length])) as Record<JumpKind, number>;

  function jump(direction: 1 | -1) {
    setPlaying(false);
    const to = jumpTarget(markers, seq, kind, direction);
    if (!to) {
      setNotice(`No ${JUMP_LABEL[kind].one} ${direction === 1 ? 'after' : 'before'} this moment.`);
      return;
    }
    setNotice(`${clockOf(to.at - startedAt)}: ${to.label}`);
    setSeq(to.seq);
  }

  function togglePlay() {
    if (!playing && seq >= lastSeq) setSeq(firstSeq);
    setPlaying(!playing);
  }

  const position = `event ${seq - firstSeq + 1} of ${lastSeq - firstSeq + 1}`;
  return (
    <div className="timeline" role="group" aria-labelledby={`${id}-label`}>
      <div className="timeline-scrub">
        <label id={`${id}-label`} htmlFor={`${id}-range`}>
          Moment in the session
        </label>
        <input
          id={`${id}-range`}
          type="range"
          min={firstSeq}
          max={lastSeq}
          step={1}
          value={seq}
          aria-valuetext={`${time}, ${position}${last ? `; last: ${last.label}` : ''}`}
          onChange={(e) => {
            setPlaying(false);
            setSeq(Number(e.currentTarget.value));
          }}
        />
        <p className="timeline-now" aria-hidden="true">
          <span className="timeline-clock">{time}</span> <span className="hint">{position}</span>
          {last ? <span className="timeline-last"> — last: {last.label}</span> : null}
        </p>
      </div>
      <div className="timeline-buttons">
        <button type="button" onClick={togglePlay} aria-pressed={playing}>
          {playing ? 'Pause' : 'Play'}
        </button>
        <span className="field-inline">
          <label htmlFor={`${id}-speed`}>Speed</label>
          <select id={`${id}-speed`} value={speed} onChange={(e) => setSpeed(Number(e.currentTarget.value) as Speed)}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </span>
        <span className="field-inline">
          <label htmlFor={`${id}-kind`}>Jump to</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.currentTarget.value as JumpKind)}>
            {JUMP_KINDS.map((k) => (
              <option key={k} value={k}>
                {JUMP_LABEL[k].many} ({counts[k]})
              </option>
            ))}
          </select>
        </span>
        <button type="button" className="button-secondary" onClick={() => jump(-1)}>
          ← Previous {JUMP_LABEL[kind].one}
        </button>
        <button type="button" className="button-secondary" onClick={() => jump(1)}>
          Next {JUMP_LABEL[kind].one} →
        </button>
      </div>
      <p className="hint timeline-notice" role="status">
        {notice}
      </p>
    </div>
  );
}
