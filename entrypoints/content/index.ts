import gazetteer from 'virtual:crossframe/gazetteer';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Matcher } from '../../lib/entities/matcher';
import { analyzePageSteps } from '../../lib/page/analyze';
import { browserHighlightEnv, Highlighter } from '../../lib/page/highlight';
import { highlightCss } from '../../lib/page/highlight-styles';
import { summarizeHits } from '../../lib/page/report';
import { runSliced } from '../../lib/page/slices';
import type { ContentToBackground } from '../../lib/messages';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main() {
    void scan();
  },
});

function send(msg: ContentToBackground): Promise<unknown> {
  return browser.runtime.sendMessage(msg).catch(() => undefined);
}

async function scan(): Promise<void> {
  const matcher = new Matcher(gazetteer);
  const isVisible = (el: Element) => el.checkVisibility?.({ visibilityProperty: true }) ?? true;
  const analysis = await runSliced(analyzePageSteps(document, matcher, { isVisible }));
  const report = {
    url: location.href,
    title: document.title.slice(0, 1000),
    relevant: analysis.relevance.relevant,
    score: analysis.relevance.score,
    entities: analysis.relevance.relevant ? summarizeHits(gazetteer, analysis.hits) : [],
    marks: 0,
    capped: false,
  };
  if (analysis.relevance.relevant) {
    const env = browserHighlightEnv(window);
    if (env) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(highlightCss());
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      const drawn = new Highlighter(env).draw(
        analysis.text,
        analysis.hits.map((h) => ({ start: h.start, end: h.end, entity: h.entity, type: gazetteer.entities[h.entity]!.type, surface: h.surface })),
      );
      report.marks = drawn.length;
    }
  }
  await send({ type: 'page/report', report });
}
