import type { EntityType } from '../entities/types';
import type { EntitySummary } from '../messages';
import { TYPE_STYLES } from './highlight-styles';

export interface CardContent {
  name: string;
  type: EntityType;
  /** What the page calls it here. */
  surface: string;
  summary: EntitySummary | null;
}

const TYPE_LABEL: Record<EntityType, string> = {
  person: 'Person',
  place: 'Place',
  organization: 'Organization',
  group: 'Group',
  event: 'Event',
};

export const CARD_CSS = `
  :host { all: initial; }
  .card {
    position: fixed; max-width: 340px; min-width: 220px; box-sizing: border-box;
    font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1b1d21;
    background: #ffffff; border: 1px solid #c9ced6; border-radius: 10px; padding: 10px 12px;
    box-shadow: 0 6px 24px rgba(0, 0, 0, 0.18); text-align: start; direction: ltr;
  }
  .card[hidden] { display: none; }
  .head { display: flex; align-items: baseline; gap: 8px; }
  .name { font-weight: 650; font-size: 15px; }
  .type { font-size: 12px; padding: 1px 6px; border-radius: 999px; border: 1px solid; }
  .count { margin: 6px 0 0; color: #3d434b; }
  .contrast { margin: 4px 0 0; color: #1b1d21; }
  .seen { margin: 4px 0 0; color: #4a4f57; font-size: 12px; }
  button {
    all: unset; box-sizing: border-box; margin-top: 8px; padding: 4px 10px; border-radius: 6px; cursor: pointer;
    background: #0b57a3; color: #ffffff; font: 600 13px/1.4 system-ui, sans-serif;
  }
  button:focus-visible { outline: 3px solid #c25700; outline-offset: 2px; }
  button.save { margin-inline-start: 6px; background: #ffffff; color: #0b57a3; border: 1px solid #0b57a3; }
  .nav {
    position: fixed; bottom: 12px; right: 12px; font: 600 13px/1.4 system-ui, sans-serif;
    background: #1f4e79; color: #ffffff; padding: 6px 12px; border-radius: 999px; border: 0; margin: 0;
    clip-path: inset(50%); width: 1px; height: 1px; overflow: hidden; white-space: nowrap;
  }
  .nav:focus, .nav:focus-visible { clip-path: none; width: auto; height: auto; outline: 3px solid #ffb366; outline-offset: 2px; }
  @media (prefers-color-scheme: dark) {
    .card { background: #20242a; color: #e8eaed; border-color: #3a3f47; }
    .count { color: #c3c8cf; }
    .contrast { color: #e8eaed; }
    .seen { color: #b3b8c0; }
    button { background: #7cb8ff; color: #0b1320; }
    button.save { background: #20242a; color: #7cb8ff; border-color: #7cb8ff; }
  }
`;

/**
 * The hover/focus card: who or what a mark names, how many corpus articles mention it, how they frame it,
 * and a button to open the side panel. All text goes in through textContent: page text is never HTML.
 */
export class Card {
  readonly el: HTMLElement;
  private readonly nameEl: HTMLElement;
  private readonly typeEl: HTMLElement;
  private readonly countEl: HTMLElement;
  private readonly contrastEl: HTMLElement;
  private readonly seenEl: HTMLElement;
  readonly openButton: HTMLButtonElement;
  readonly saveButton: HTMLButtonElement;

  constructor(root: ShadowRoot, onOpen: () => void, onSave: () => void) {
    const doc = root.ownerDocument;
    const make = <K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, parent: HTMLElement) => {
      const e = doc.createElement(tag);
      e.className = cls;
      parent.appendChild(e);
      return e;
    };
    this.el = doc.createElement('div');
    this.el.className = 'card';
    this.el.hidden = true;
    this.el.setAttribute('role', 'dialog');
    this.el.setAttribute('aria-label', 'Crossframe');
    const head = make('div', 'head', this.el);
    this.nameEl = make('span', 'name', head);
    this.typeEl = make('span', 'type', head);
    this.countEl = make('p', 'count', this.el);
    this.contrastEl = make('p', 'contrast', this.el);
    this.seenEl = make('p', 'seen', this.el);
    this.openButton = make('button', 'open', this.el);
    this.openButton.type = 'button';
    this.openButton.textContent = 'Open in side panel';
    this.openButton.addEventListener('click', (e) => {
      e.stopPropagation();
      onOpen();
    });
    this.saveButton = make('button', 'save', this.el);
    this.saveButton.type = 'button';
    this.saveButton.textContent = 'Save snippet';
    this.saveButton.title = 'Save the selection, or else the sentence around this name';
    this.saveButton.addEventListener('click', (e) => {
      e.stopPropagation();
      onSave();
    });
    root.appendChild(this.el);
  }

  show(content: CardContent, anchor: DOMRect, viewport: { width: number; height: number }): void {
    const s = content.summary;
    this.nameEl.textContent = s?.name ?? content.name;
    this.typeEl.textContent = TYPE_LABEL[content.type];
    this.typeEl.style.borderColor = TYPE_STYLES[content.type].line;
    this.countEl.textContent = s
      ? s.articles === 0
        ? `No corpus article mentions it.`
        : `Named in ${s.articles} of ${s.totalArticles} corpus articles.`
      : 'Loading how the corpus frames it…';
    this.contrastEl.textContent = s && s.articles > 0 ? s.contrast : '';
    this.seenEl.textContent = content.surface !== (s?.name ?? content.name) ? `Here: “${content.surface}”` : '';
    this.el.setAttribute('aria-label', `Crossframe: ${s?.name ?? content.name}`);
    this.el.hidden = false;
    // Below the mark, or above it when there is no room; kept inside the viewport.
    const width = Math.min(340, viewport.width - 16);
    const left = Math.max(8, Math.min(anchor.left, viewport.width - width - 8));
    this.el.style.left = `${left}px`;
    this.el.style.top = '0px';
    const height = this.el.offsetHeight || 120;
    const below = anchor.bottom + 8;
    const top = below + height <= viewport.height ? below : Math.max(8, anchor.top - height - 8);
    this.el.style.top = `${top}px`;
  }

  hide(): void {
    this.el.hidden = true;
  }

  get visible(): boolean {
    return !this.el.hidden;
  }
}
