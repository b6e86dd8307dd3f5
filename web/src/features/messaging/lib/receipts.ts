import { directionOf } from '@/i18n';
import { isolate } from '@/lib/format';

/**
 * "Read by A and B": readers are named when known (user participants, senders, live read
 * events); those who take part through a unit and were never named are counted.
 */
export function readReceipt(
  t: (key: string, options?: Record<string, unknown>) => string,
  lang: string,
  readers: readonly string[],
  nameOf: (id: string) => string | undefined,
): string {
  if (readers.length === 0) return t('messaging.thread.notRead');
  // in Arabic each name is isolated: "Jean Dupont و Ali" keeps its order
  const rtl = directionOf(lang) === 'rtl';
  const known = readers
    .map(nameOf)
    .filter((n): n is string => !!n)
    .map((n) => (rtl ? isolate(n) : n));
  const unknown = readers.length - known.length;
  if (known.length === 0) return t('messaging.thread.readByCount', { count: unknown });
  const list = new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' });
  const names = unknown > 0 ? t('messaging.thread.andOthers', { names: known.join(t('common.listSeparator')), count: unknown }) : list.format(known);
  return t('messaging.thread.readBy', { names });
}
