/**
 * Reaching a form's errors: every field gets a stable element id from its form path
 * (`fieldId`), so the error summary can link to it, and after a failed submit the first field
 * that needs attention (in page order) is scrolled to and focused.
 */

/** The element id of a form field (`goods.1.quantity` → `case-goods-1-quantity`). */
export function fieldId(form: string, path: string): string {
  return `${form}-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/**
 * The element that shows the error at `path`: the field itself, else the nearest enclosing
 * part of the form that has an element (`goods.1` for the goods item, `goods` for the list).
 */
export function errorElement(form: string, path: string, root: Document = document): HTMLElement | null {
  let p = path;
  while (p) {
    const el = root.getElementById(fieldId(form, p));
    if (el) return el;
    const cut = p.lastIndexOf('.');
    p = cut > 0 ? p.slice(0, cut) : '';
  }
  return null;
}

const FOCUSABLE = 'input, select, textarea, button, a[href], [tabindex]';

/** Scrolls `el` to the middle of the screen and focuses it (made focusable when it is not, e.g. a message). */
export function focusElement(el: HTMLElement): void {
  if (!el.matches(FOCUSABLE)) el.setAttribute('tabindex', '-1');
  el.scrollIntoView?.({ block: 'center' });
  el.focus({ preventScroll: true });
}

/** `paths` in the order their elements appear on the page; those without an element last, as given. */
export function inPageOrder(form: string, paths: readonly string[], root: Document = document): string[] {
  const located = paths.map((path, i) => ({ path, i, el: errorElement(form, path, root) }));
  return located
    .sort((a, b) => {
      if (a.el && b.el && a.el !== b.el) {
        // DOCUMENT_POSITION_FOLLOWING: b comes after a
        return a.el.compareDocumentPosition(b.el) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
      }
      if (a.el && !b.el) return -1;
      if (!a.el && b.el) return 1;
      return a.i - b.i;
    })
    .map((x) => x.path);
}

/** Moves to the first of `paths` on the page; false when none of them has an element. */
export function focusFirstError(form: string, paths: readonly string[], root: Document = document): boolean {
  const first = inPageOrder(form, paths, root)[0];
  const el = first ? errorElement(form, first, root) : null;
  if (!el) return false;
  focusElement(el);
  return true;
}

/** Moves to the field at `path` (a link of the error summary). */
export function focusField(form: string, path: string, root: Document = document): void {
  const el = errorElement(form, path, root);
  if (el) focusElement(el);
}
