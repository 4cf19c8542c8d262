export interface Range {
  start: number;
  end: number;
}

/** Text with ranges marked. Everything is rendered as text: page and corpus words never become HTML. */
export function Highlighted({ text, ranges, className = 'hl' }: { text: string; ranges: Range[]; className?: string }) {
  const parts: Array<{ text: string; marked: boolean }> = [];
  let at = 0;
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    const start = Math.max(at, Math.max(0, r.start));
    const end = Math.min(text.length, r.end);
    if (end <= start) continue;
    if (start > at) parts.push({ text: text.slice(at, start), marked: false });
    parts.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return (
    <>
      {parts.map((p, i) =>
        p.marked ? (
          <mark key={i} className={className}>
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}
