import { articleShortName, namesEntity } from '../lib/corpus/contrast';
import type { ArticleRecord, FramingRecord } from '../lib/corpus/types';
import { formatTone } from './ToneMeter';

/**
 * The five framings side by side in one table, one row per article with the same slots (what it calls the
 * entity, contested terms, tone, how often), so that the differences stand out at a glance.
 */
export function FramingGlance({ articles, framings, onPick }: { articles: ArticleRecord[]; framings: FramingRecord[]; onPick: (article: string) => void }) {
  return (
    <table className="glance">
      <caption>At a glance</caption>
      <thead>
        <tr>
          <th scope="col">Article</th>
          <th scope="col">Calls it</th>
          <th scope="col">Contested terms</th>
          <th scope="col">Tone</th>
          <th scope="col">Names it</th>
        </tr>
      </thead>
      <tbody>
        {articles.map((a) => {
          const f = framings.find((x) => x.article === a.id);
          const named = namesEntity(f);
          return (
            <tr key={a.id} className={named ? '' : 'silent'}>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => onPick(a.id)}>
                  {articleShortName(a)}
                </button>
              </th>
              {named && f ? (
                <>
                  <td>{f.descriptors.filter((d) => d.kind !== 'name').slice(0, 2).map((d) => `“${d.text}”`).join(', ') || (f.descriptors[0] ? `“${f.descriptors[0].text}”` : '—')}</td>
                  <td>{f.contested.slice(0, 3).map((t) => t.term).join(', ') || '—'}</td>
                  <td className={f.tone !== null && f.tone < -0.15 ? 'neg' : f.tone !== null && f.tone > 0.15 ? 'pos' : ''}>{f.tone === null ? '—' : formatTone(f.tone)}</td>
                  <td>{f.count + f.nestedCount}×</td>
                </>
              ) : (
                <td colSpan={4} className="silent-cell">
                  {f && f.demonymCount > 0 ? f.summary : 'does not mention it'}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
