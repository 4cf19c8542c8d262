/**
 * Arabic writes some words joined to the next: the conjunctions و and ف, the prepositions ب, ك and ل, and the
 * article ال. A name is matched with these in front of its first word, according to its own form: a name
 * written with the article takes them before the article (والرقة, بالرقة, and ل + ال as للرقة), a name
 * without it takes them directly (ودمشق, بدمشق, لدمشق). A name never gains an article it does not have, so
 * ورقة ("paper") is not Raqqa (الرقة).
 */
const CONJUNCTIONS = ['', 'و', 'ف'];
const PREPOSITIONS = ['', 'ب', 'ك', 'ل'];
const ARABIC = /[\u0600-\u06ff]/;

/** The folded forms a folded Arabic alias also takes in running text (its first word's attached variants). */
export function arabicVariants(folded: string): string[] {
  const space = folded.indexOf(' ');
  const first = space < 0 ? folded : folded.slice(0, space);
  const rest = space < 0 ? '' : folded.slice(space);
  if (!ARABIC.test(first)) return [];
  const out = new Set<string>();
  const article = first.startsWith('ال') && first.length > 2;
  const stem = article ? first.slice(2) : first;
  for (const c of CONJUNCTIONS) {
    for (const p of PREPOSITIONS) {
      if (article) out.add(p === 'ل' ? `${c}لل${stem}` : `${c}${p}ال${stem}`);
      else out.add(`${c}${p}${stem}`);
    }
  }
  out.delete(first);
  return [...out].map((v) => v + rest);
}
