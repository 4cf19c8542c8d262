/**
 * npm run scan -- [--json] FILE...
 * Runs the content script's own analysis (visible text, main region, one-pass matcher, relevance) on saved
 * pages (.html) or article texts (.txt), and prints for each file whether it is about Syria/ISIS and the
 * corpus entities it names. A file that cannot be read gets a one-line error; the others still run.
 */
import { compileGazetteer } from '../lib/entities/compile';
import { Matcher } from '../lib/entities/matcher';
import { loadCorpusOrThrow } from './lib/read-corpus';
import { ScanError, scanFile, type ScanResult } from './lib/scan-file';

const args = process.argv.slice(2);
const json = args.includes('--json');
const files = args.filter((a) => a !== '--json');
if (files.length === 0) {
  console.error('usage: npm run scan -- [--json] FILE...');
  process.exit(2);
}

const matcher = new Matcher(compileGazetteer(loadCorpusOrThrow().entities).gazetteer);
let failed = 0;
for (const file of files) {
  let result: ScanResult;
  try {
    result = scanFile(file, matcher);
  } catch (e) {
    failed++;
    const message = e instanceof ScanError ? e.message : `failed: ${(e as Error).message}`;
    if (json) console.log(JSON.stringify({ file, error: message }));
    else console.error(`${file}: error: ${message}`);
    continue;
  }
  if (json) console.log(JSON.stringify(result));
  else printResult(result);
}
process.exit(failed > 0 ? 1 : 0);

function printResult(r: ScanResult): void {
  console.log(r.file);
  console.log(`  relevant: ${r.relevant}  score: ${r.score}  main region: ${r.mainRegion ? 'found' : 'none (whole page)'}`);
  console.log(`  title: ${JSON.stringify(r.title)}`);
  if (r.tags.length) console.log(`  publisher's tags: ${r.tags.map((t) => `${t.id} ("${t.surface}")`).join(', ')}; +${r.tagScore} to the score`);
  console.log(`  entities: ${r.entities.length}`);
  for (const e of r.entities) {
    const adj = e.demonyms ? `, ${e.demonyms} adjective${e.demonyms === 1 ? '' : 's'}` : '';
    console.log(`    ${e.id} (${e.type}) "${e.name}": ${e.count}${adj}; main ${e.inMain}, elsewhere ${e.elsewhere}; seen as ${e.surfaces.map((s) => JSON.stringify(s)).join(', ')}`);
  }
}
