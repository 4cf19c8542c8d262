/**
 * Whether an element is rendered. Browsers answer with `checkVisibility` (layout-aware, one style pass);
 * a DOM without layout (jsdom in `npm run scan`) falls back to the computed display/visibility of the
 * element and its ancestors. Answers are cached per element for one scan.
 */
export function makeVisibilityCheck(win: Window): (el: Element) => boolean {
  const probe = win.document.documentElement as Element & { checkVisibility?: (o?: object) => boolean };
  if (typeof probe.checkVisibility === 'function') {
    return (el) => (el as Element & { checkVisibility: (o?: object) => boolean }).checkVisibility({ visibilityProperty: true });
  }
  const cache = new Map<Element, boolean>();
  const visible = (el: Element | null): boolean => {
    if (!el) return true;
    const known = cache.get(el);
    if (known !== undefined) return known;
    const style = win.getComputedStyle(el);
    const own = style.display !== 'none' && style.visibility !== 'hidden' && style.visibility !== 'collapse';
    const result = own && visible(el.parentElement);
    cache.set(el, result);
    return result;
  };
  return visible;
}
