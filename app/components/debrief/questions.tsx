'use client';

import { memo } from 'react';
import { evidenceFor, type EvidenceContext } from './evidence';
import type { GoTo } from './leak-trace';

/** The scenario's debrief questions, each with links to the moments and charts that answer it. */
export const Questions = memo(function Questions({ questions, context, onGo }: { questions: string[]; context: EvidenceContext; onGo?: (go: GoTo) => void }) {
  return (
    <ol className="questions">
      {questions.map((q, i) => {
        const evidence = evidenceFor(q, context);
        return (
          <li key={i} className="question">
            <p>{q}</p>
            {evidence.length > 0 ? (
              <p className="evidence">
                <span className="evidence-label">Evidence:</span>{' '}
                {evidence.map((e, j) =>
                  onGo ? (
                    <button key={j} type="button" className="link-button evidence-link" onClick={() => onGo(e.go)}>
                      {e.label}
                    </button>
                  ) : (
                    <span key={j} className="evidence-link">
                      {e.label}
                    </span>
                  ),
                )}
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
});
