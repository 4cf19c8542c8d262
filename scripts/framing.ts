/**
 * `npm run framing -- ENTITY`: how each corpus article frames one entity. ENTITY is an id, a name, an alias or a
 * demonym, compared after the project's text folding ("assad", "Bashar al-Assad", "SDF", "Kurdish"). Plain text:
 * readable without colours; mentions are marked »like this« in the passages.
 */
import { formatArticleDate } from '../lib/corpus/format';
import { formatTone } from '../lib/corpus/framing/summary';
import { buildCorpus } from '../lib/corpus/pipeline';
import type { ArticleRecord, CorpusBuild, EntityRecord, FramingRecord, MentionRecord, PassageRecord } from '../lib/corpus/types';
import { normalize } from '../lib/text';
import { loadCorpusOrThrow } from './lib/read-corpus';

const PASSAGES_SHOWN = 3;
const WIDTH = 100;

const query = process.argv.slice(2).join(' ').trim();
if (query.length === 0) {
  console.error('usage: npm run framing -- ENTITY   (an id, a name or any alias, e.g. syrian-democratic-forces, Assad, SDF)');
  process.exit(1);
}

const started = performance.now();
const build = buildCorpus(loadCorpusOrThrow());
const elapsed = performance.now() - started;

const found = resolveEntity(build.entities, query);
if (found.length !== 1) {
  if (found.length === 0) console.error(`No entity is called "${query}". Nearest ids:`);
  else console.error(`"${query}" names several entities:`);
  for (const id of found.length > 0 ? found.map((e) => e.id) : nearestIds(build.entities, query)) console.error(`  ${id}`);
  process.exit(1);
}
printEntity(build, found[0] as EntityRecord);
console.log(`\n(corpus ${build.version} built in ${elapsed.toFixed(0)} ms)`);

/** Entities whose id, name, alias or demonym folds like the query; an exact id wins outright. */
function resolveEntity(entities: readonly EntityRecord[], q: string): EntityRecord[] {
  const exact = entities.find((e) => e.id === q);
  if (exact) return [exact];
  const folded = normalize(q);
  return entities.filter((e) => [e.id, e.name, ...e.aliases, ...e.demonyms].some((form) => normalize(form) === folded));
}

/** The five ids whose forms are closest to the query in edit distance (after folding). */
function nearestIds(entities: readonly EntityRecord[], q: string): string[] {
  const folded = normalize(q);
  return entities
    .map((e) => ({ id: e.id, d: Math.min(...[e.id, e.name, ...e.aliases].map((form) => editDistance(normalize(form), folded))) }))
    .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id))
    .slice(0, 5)
    .map((x) => x.id);
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] as number;
}

function printEntity(b: CorpusBuild, entity: EntityRecord): void {
  console.log(`${entity.name}  [${entity.id} · ${entity.type} · ${entity.relevance}]`);
  console.log(wrap(entity.description, '  '));
  b.articles.forEach((article, k) => {
    const f = b.framings.find((x) => x.entity === entity.id && x.article === article.id);
    if (f) printArticle(b, article, f, k + 1);
  });
}

function printArticle(b: CorpusBuild, a: ArticleRecord, f: FramingRecord, n: number): void {
  const author = a.author === 'not stated' ? 'author not stated' : a.author;
  const outlet = a.outlet === 'not stated' ? 'outlet not stated' : a.outlet;
  console.log(`\n== ${n}. ${a.title}`);
  console.log(`   ${author} · ${outlet} · ${formatArticleDate(a.date).text}`);
  field('summary', f.summary);
  if (f.count === 0 && f.demonymCount === 0 && f.nestedCount === 0) return;
  const uses = (count: number, quoted?: number) => `×${count}${quoted ? ` (${quoted} quoted)` : ''}`;
  field('descriptors', f.descriptors.map((d) => `"${d.text}" ${d.kind} ${uses(d.count, d.quoted)}`).join(' · ') || '(none)');
  const groups = new Map<string, string[]>();
  for (const t of f.contested) groups.set(t.group, [...(groups.get(t.group) ?? []), `${t.term} ${uses(t.count, t.quoted)}`]);
  if (groups.size === 0) field('contested', '(none)');
  [...groups].forEach(([group, terms], k) => field(k === 0 ? 'contested' : '', `${terms.join(', ')}  [${group}]`));
  const words = f.toneWords.slice(0, 10).map((w) => `${w.word} ${w.score > 0 ? '+' : w.score < 0 ? '−' : ''}${Math.abs(w.score)}${w.count > 1 ? ` ×${w.count}` : ''}${w.negated ? ' (negated)' : ''}`);
  field('tone', `${f.tone === null ? 'none' : formatTone(f.tone)}${words.length > 0 ? ` from ${words.join(', ')}` : ''}`);
  const mentions = b.mentions.filter((m) => m.entity === f.entity && m.article === a.id);
  const shown = f.passages.slice(0, PASSAGES_SHOWN);
  field('passages', `${f.passages.length} sentence${f.passages.length === 1 ? '' : 's'}${f.passages.length > shown.length ? `, the first ${shown.length}` : ''}:`);
  for (const ordinal of shown) {
    const p = b.passages.find((x) => x.article === a.id && x.ordinal === ordinal) as PassageRecord;
    console.log(wrap(`#${ordinal} ${marked(p, mentions.filter((m) => m.passage === ordinal))}`, '       ', '     - '));
  }
}

/** "   label        text", wrapped under the text. */
function field(label: string, text: string): void {
  console.log(wrap(text, ' '.repeat(16), `   ${label.padEnd(13)}`));
}

/** The sentence with the entity's mentions marked »…« (nested ones too). */
function marked(p: PassageRecord, mentions: readonly MentionRecord[]): string {
  let out = '';
  let at = p.start;
  for (const m of [...mentions].sort((x, y) => x.start - y.start)) {
    if (m.start < at) continue;
    out += `${p.text.slice(at - p.start, m.start - p.start)}»${p.text.slice(m.start - p.start, m.end - p.start)}«`;
    at = m.end;
  }
  return (out + p.text.slice(at - p.start)).replace(/\s+/g, ' ');
}

/** Word-wraps to WIDTH columns: the first line after `head` (indented by `indent` when absent), the rest after `indent`. */
function wrap(text: string, indent: string, head = indent): string {
  const lines: string[] = [];
  let current = head;
  for (const word of text.split(' ')) {
    if (current.length + word.length + 1 > WIDTH && current.trim().length > 0 && current !== head) {
      lines.push(current.trimEnd());
      current = indent;
    }
    current += `${word} `;
  }
  lines.push(current.trimEnd());
  return lines.join('\n');
}
