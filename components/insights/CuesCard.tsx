/** What the open email says and what it likely means. Nothing found: the card stays away. */
import { useId } from 'react';
import type { CueMatch } from '@/lib/insights';

export interface CuesCardProps {
  cues: readonly CueMatch[];
}

/** The excerpt with its phrase marked; React text throughout, never HTML from the email. */
function Excerpt({ excerpt, phrase }: { excerpt: string; phrase: string }) {
  const at = excerpt.toLowerCase().indexOf(phrase.toLowerCase());
  if (at < 0) return <q>{excerpt}</q>;
  return (
    <q>
      {excerpt.slice(0, at)}
      <mark>{excerpt.slice(at, at + phrase.length)}</mark>
      {excerpt.slice(at + phrase.length)}
    </q>
  );
}

export function CuesCard({ cues }: CuesCardProps) {
  const headingId = useId();
  if (cues.length === 0) return null;
  return (
    <section className="card insights-card cues-card" aria-labelledby={headingId}>
      <h2 id={headingId}>In this email</h2>
      <ul className="cues-list">
        {cues.map((c) => (
          <li key={`${c.index}-${c.category}`} className="cue" data-cue-category={c.category}>
            <p className="cue__head">
              <strong className="cue__phrase">“{c.phrase}”</strong>
              <span className="cue__reading">{c.reading}</span>
            </p>
            <p className="cue__excerpt muted">
              <Excerpt excerpt={c.excerpt} phrase={c.phrase} />
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
