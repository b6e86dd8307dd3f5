/**
 * Action codes (`seizure.return`, `alert.bulk_read`) in words. Each code is translated under
 * `auditActions:actions.<kind>.<verb>` and each kind (the part before the dot) under
 * `auditActions:kinds.<kind>` (a namespace loaded with this module, not at start); a code a
 * newer server records before the app knows it shows as itself.
 */
import type { TFunction } from 'i18next';
import '@/i18n/auditActions';

/** The read-volume alert (`audit::watch`): one user read many records of personal data. */
export const BULK_READ = 'alert.bulk_read';

const CODE = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;

/** `seizure.return` → `seizure`. */
export function actionKind(code: string): string {
  const dot = code.indexOf('.');
  return dot < 0 ? code : code.slice(0, dot);
}

/** A prefix filter (`seizure.`): every action of a kind. */
export function isKindFilter(action: string): boolean {
  return /^[a-z][a-z0-9_]*\.$/.test(action);
}

/** The translated label of an action, or null when the app has none for it. */
export function knownActionLabel(t: TFunction, code: string): string | null {
  if (!CODE.test(code)) return null;
  const label = t(`auditActions:actions.${code}`, { defaultValue: '' });
  return typeof label === 'string' && label ? label : null;
}

/** The label of an action: translated, or the code itself. */
export function actionLabel(t: TFunction, code: string): string {
  return knownActionLabel(t, code) ?? code;
}

/** The label of a kind of action (`seizure` → "Cases"), or the kind itself. */
export function kindLabel(t: TFunction, kind: string): string {
  if (!/^[a-z][a-z0-9_]*$/.test(kind)) return kind;
  const label = t(`auditActions:kinds.${kind}`, { defaultValue: '' });
  return typeof label === 'string' && label ? label : kind;
}

/** The label of an action filter: an action, or "Cases: all actions" for a prefix. */
export function filterLabel(t: TFunction, action: string): string {
  return isKindFilter(action) ? t('audit.allOfKind', { kind: kindLabel(t, action.slice(0, -1)) }) : actionLabel(t, action);
}

export interface ActionOption {
  value: string;
  label: string;
}
export interface ActionGroup {
  group: string;
  items: ActionOption[];
}

/**
 * The action picker's options: one group per kind (sorted by its label), each starting with
 * "all actions of this kind" (the prefix) then its actions by label. `keep` (the current value,
 * e.g. from a shared link) is offered even when the server does not list it.
 */
export function actionOptions(t: TFunction, lang: string, actions: readonly string[], keep?: string | null): ActionGroup[] {
  const codes = new Set(actions.filter((a) => a.includes('.')));
  if (keep && !isKindFilter(keep)) codes.add(keep);
  const kinds = new Map<string, string[]>();
  for (const code of codes) {
    const kind = actionKind(code);
    kinds.set(kind, [...(kinds.get(kind) ?? []), code]);
  }
  if (keep && isKindFilter(keep) && !kinds.has(keep.slice(0, -1))) kinds.set(keep.slice(0, -1), []);
  const collator = new Intl.Collator(lang);
  return [...kinds]
    .map(([kind, list]) => ({
      group: kindLabel(t, kind),
      items: [
        { value: `${kind}.`, label: filterLabel(t, `${kind}.`) },
        ...list.map((code) => ({ value: code, label: actionLabel(t, code) })).sort((a, b) => collator.compare(a.label, b.label)),
      ],
    }))
    .sort((a, b) => collator.compare(a.group, b.group));
}
