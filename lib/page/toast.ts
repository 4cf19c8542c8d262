/** A short, polite status line in our shadow root ("Saved", "Could not save: kept for retry"). */
export class Toast {
  readonly el: HTMLElement;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(root: ShadowRoot) {
    this.el = root.ownerDocument.createElement('div');
    this.el.className = 'toast';
    this.el.setAttribute('role', 'status');
    this.el.hidden = true;
    root.appendChild(this.el);
  }

  show(message: string, kind: 'ok' | 'error' = 'ok', ms = 4000): void {
    this.el.textContent = message;
    this.el.dataset.kind = kind;
    this.el.hidden = false;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => (this.el.hidden = true), ms);
  }
}

export const TOAST_CSS = `
  .toast { position: fixed; left: 16px; bottom: 16px; max-width: 360px; padding: 8px 12px; border-radius: 8px;
    font: 600 13px/1.4 system-ui, sans-serif; background: #1f4e79; color: #ffffff; box-shadow: 0 4px 16px rgba(0,0,0,.2); }
  .toast[data-kind='error'] { background: #8a1c1c; }
  .toast[hidden] { display: none; }
`;
