import { useEffect, useMemo, useRef } from 'react';
import type { EntityRecord, MentionRecord } from '../../lib/corpus/types';
import { ArticleMetaLine } from '../ArticleMetaLine';
import { useArticle } from '../hooks/useCorpus';
import { useArticleMentions, useEntities } from '../hooks/useEntity';

interface Props {
  id: string;
  /** An entity to point out in the text. */
  focus?: string;
}

interface Piece {
  text: string;
  mention?: MentionRecord;
}

/** A corpus article's body with every entity it names marked; each mark opens that entity's view. */
export function ArticleReaderView({ id, focus }: Props) {
  const article = useArticle(id);
  const mentions = useArticleMentions(id);
  const entities = useEntities();
  const firstFocus = useRef<HTMLAnchorElement | null>(null);
  const byId = useMemo(() => new Map((entities ?? []).map((e) => [e.id, e])), [entities]);
  useEffect(() => {
    firstFocus.current?.scrollIntoView({ block: 'center' });
  }, [article, mentions, focus]);
  if (article === null) return <p role="status">No article “{id}”.</p>;
  if (!article || !mentions || !entities) return <p role="status">Loading…</p>;
  // Outer mentions only: a name inside a longer name is reached through the longer one.
  const outer = mentions.filter((m) => !m.nested).sort((a, b) => a.start - b.start);
  const paragraphs = splitParagraphs(article.body);
  const firstFocused = focus ? outer.find((m) => m.entity === focus) : undefined;
  return (
    <article className="reader" aria-labelledby="reader-title">
      <h2 id="reader-title">{article.title}</h2>
      {article.subtitle && <p className="subtitle">{article.subtitle}</p>}
      <ArticleMetaLine article={article} />
      <p className="muted">{article.perspective}</p>
      {focus && byId.get(focus) && <p className="note">Marked in the text: {byId.get(focus)!.name}.</p>}
      {paragraphs.map((p) => (
        <p key={p.start}>
          {pieces(article.body, p.start, p.end, outer).map((piece, i) => {
            if (!piece.mention) return <span key={i}>{piece.text}</span>;
            const e = byId.get(piece.mention.entity) as EntityRecord | undefined;
            const focused = piece.mention.entity === focus;
            return (
              <a
                key={i}
                ref={piece.mention === firstFocused ? firstFocus : undefined}
                href={`#/entity/${piece.mention.entity}`}
                className={`mention type-${e?.type ?? 'place'}${piece.mention.demonym ? ' demonym' : ''}${focused ? ' focused' : ''}`}
                title={e ? `${e.name} — open how the corpus frames it` : undefined}
              >
                {piece.text}
              </a>
            );
          })}
        </p>
      ))}
    </article>
  );
}

function splitParagraphs(body: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (const m of body.matchAll(/\n\n/g)) {
    out.push({ start, end: m.index });
    start = m.index + 2;
  }
  out.push({ start, end: body.length });
  return out;
}

function pieces(body: string, start: number, end: number, mentions: MentionRecord[]): Piece[] {
  const out: Piece[] = [];
  let at = start;
  for (const m of mentions) {
    if (m.end <= start || m.start >= end || m.start < at) continue;
    if (m.start > at) out.push({ text: body.slice(at, m.start) });
    out.push({ text: body.slice(m.start, m.end), mention: m });
    at = m.end;
  }
  if (at < end) out.push({ text: body.slice(at, end) });
  return out;
}
