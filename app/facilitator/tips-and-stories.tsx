import type { FacilitatorView } from '../../server/engine/view';
import { labels } from './labels';

/** What has leaked at a table (and to whom) and what the press made of it. */
export function TipsAndStories({ view, tableId }: { view: FacilitatorView; tableId: string }) {
  const { seatLabel, channelName } = labels(view);
  const tips = Object.values(view.tips).filter((t) => t.tableId === tableId).sort((a, b) => a.at - b.at);
  const stories = view.stories.filter((s) => s.tableId === tableId);
  return (
    <div className="tool-grid">
      <section aria-label="Tips">
        <h4>Tips ({tips.length})</h4>
        <ol className="message-list">
          {tips.map((t) => (
            <li key={t.id}>
              <span className="message-meta">
                {t.form} · {t.manual ? (t.source.kind === 'rumour' ? 'planted rumour' : 'leaked by Control') : 'leaked'}
                {t.source.kind === 'message' ? ` from ${channelName(t.source.channelId)}` : ''} · to {t.recipients.map(seatLabel).join(', ') || 'the press desk'}
              </span>
              <br />
              {t.text}
            </li>
          ))}
        </ol>
      </section>
      <section aria-label="Stories">
        <h4>Stories ({stories.length})</h4>
        <ol className="message-list">
          {stories.map((s) => (
            <li key={s.id}>
              <strong>{s.headline}</strong> <span className="message-meta">by {seatLabel(s.journalistId)}</span>
              <br />
              {s.body}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
