import type { DrawnMark } from './highlight';

export interface NavigatorHooks {
  marks: () => readonly DrawnMark[];
  describe: (mark: DrawnMark, index: number, total: number) => string;
  onSelect: (mark: DrawnMark | null) => void;
  onOpen: (mark: DrawnMark) => void;
}

/**
 * Keyboard access to the marks: one tab stop (a button in our shadow root, shown when focused) from which
 * the arrow keys step through the marks in page order, Enter opens the side panel on the current one and
 * Escape leaves. One tab stop rather than hundreds keeps the page's own tab order usable.
 */
export class MarkNavigator {
  readonly button: HTMLButtonElement;
  private readonly live: HTMLElement;
  private index = -1;

  constructor(
    root: ShadowRoot,
    private readonly hooks: NavigatorHooks,
  ) {
    const doc = root.ownerDocument;
    this.button = doc.createElement('button');
    this.button.type = 'button';
    this.button.className = 'nav';
    this.live = doc.createElement('div');
    this.live.setAttribute('aria-live', 'polite');
    this.live.style.cssText = 'position:fixed;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);';
    this.refreshLabel();
    this.button.addEventListener('focus', () => {
      if (this.index < 0 && this.hooks.marks().length > 0) this.select(0);
      else if (this.index >= 0) this.select(this.index);
    });
    this.button.addEventListener('blur', () => this.hooks.onSelect(null));
    this.button.addEventListener('keydown', (e) => this.onKey(e));
    this.button.addEventListener('click', () => {
      const mark = this.current();
      if (mark) this.hooks.onOpen(mark);
    });
    root.append(this.button, this.live);
  }

  focus(): void {
    this.button.focus();
  }

  current(): DrawnMark | null {
    return this.hooks.marks()[this.index] ?? null;
  }

  reset(): void {
    this.index = -1;
    this.refreshLabel();
  }

  private onKey(e: KeyboardEvent): void {
    const total = this.hooks.marks().length;
    if (total === 0) return;
    const moves: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    if (e.key in moves) this.select((Math.max(0, this.index) + (moves[e.key] as number) + total) % total);
    else if (e.key === 'Home') this.select(0);
    else if (e.key === 'End') this.select(total - 1);
    else if (e.key === 'Escape') this.button.blur();
    else return;
    e.preventDefault();
    e.stopPropagation();
  }

  private select(i: number): void {
    const marks = this.hooks.marks();
    const mark = marks[i];
    if (!mark) return;
    this.index = i;
    this.hooks.onSelect(mark);
    const text = this.hooks.describe(mark, i, marks.length);
    this.button.textContent = text;
    this.live.textContent = text;
  }

  private refreshLabel(): void {
    const n = this.hooks.marks().length;
    this.button.textContent = `Crossframe: ${n} name${n === 1 ? '' : 's'} marked. Use the arrow keys to step through them, Enter to open the side panel.`;
  }
}
