/** The options of the audit filters' pickers, and how their search matches. */
import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';

/** Lower case without accents, for matching what was typed ("evenement" finds "Événement"). */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Keeps options whose label or code contains the search; a group whose name matches keeps all of its options. */
export const matchLabelOrCode: OptionsFilter<string> = ({ options, search }) => {
  const q = fold(search.trim());
  if (!q) return options;
  const match = (o: ComboboxItem) => fold(o.label).includes(q) || o.value.toLowerCase().includes(q);
  return options.flatMap((o): ComboboxParsedItem[] => {
    if ('group' in o) {
      if (typeof o.group === 'string' && fold(o.group).includes(q)) return [o];
      const items = o.items.filter(match);
      return items.length ? [{ ...o, items }] : [];
    }
    return match(o) ? [o] : [];
  });
};

export const OUTCOMES = ['success', 'failure', 'denied', 'throttled'] as const;

/** Object types the trail records (`Event::object`). */
export const OBJECT_TYPES = [
  'seizure',
  'person',
  'company',
  'conveyance',
  'attachment',
  'user',
  'unit',
  'session',
  'thread',
  'message_attachment',
  'notification',
  'codelist_entry',
] as const;
