import { MultiSelect, Select, type MultiSelectProps, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { codeOptions, useCodeBook } from '@/api/queries/codelists';
import { putFirst } from '@/lib/options';

type CommonProps = {
  /** Code list name, e.g. `countries`. */
  list: string;
  /** Only entries whose parent is this code (e.g. commodity types of a group); null offers none. */
  parent?: string | null;
  /** Offered before the others (e.g. the national currency). */
  first?: string | null;
};

/**
 * A searchable picker over a code list, labelled in the UI language; retired entries are not
 * offered. Its list opens on click, typing or the arrow keys, not merely on focus: tabbing
 * through a long form, or being taken to a field that needs attention, must not cover the
 * fields below with a list.
 */
export function CodeSelect({
  list,
  parent,
  first,
  value,
  ...props
}: CommonProps & Omit<SelectProps, 'data'> & { value?: string | null }) {
  const { t, i18n } = useTranslation();
  const book = useCodeBook(list);
  const data = parent === null ? [] : putFirst(codeOptions(book.entries, i18n.language, { keep: [value], parent }), first);
  return (
    <Select
      searchable
      clearable
      openOnFocus={false}
      data={data}
      value={value ?? null}
      nothingFoundMessage={book.isPending ? t('common.loading') : t('common.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}

export function CodeMultiSelect({ list, first, value, ...props }: CommonProps & Omit<MultiSelectProps, 'data'> & { value?: string[] }) {
  const { t, i18n } = useTranslation();
  const book = useCodeBook(list);
  const data = putFirst(codeOptions(book.entries, i18n.language, { keep: value }), first);
  return (
    <MultiSelect
      searchable
      clearable
      openOnFocus={false}
      data={data}
      value={value ?? []}
      nothingFoundMessage={book.isPending ? t('common.loading') : t('common.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}
