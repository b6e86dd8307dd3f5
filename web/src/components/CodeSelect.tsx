import { MultiSelect, Select, type MultiSelectProps, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { codeOptions, useCodeBook } from '@/api/queries/codelists';

type CommonProps = {
  /** Code list name, e.g. `countries`. */
  list: string;
  /** Only entries whose parent is this code (e.g. commodity types of a group); null offers none. */
  parent?: string | null;
};

/** A searchable picker over a code list, labelled in the UI language; retired entries are not offered. */
export function CodeSelect({
  list,
  parent,
  value,
  ...props
}: CommonProps & Omit<SelectProps, 'data'> & { value?: string | null }) {
  const { t, i18n } = useTranslation();
  const book = useCodeBook(list);
  const data = parent === null ? [] : codeOptions(book.entries, i18n.language, { keep: [value], parent });
  return (
    <Select
      searchable
      clearable
      data={data}
      value={value ?? null}
      nothingFoundMessage={book.isPending ? t('common.loading') : t('common.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}

export function CodeMultiSelect({ list, value, ...props }: CommonProps & Omit<MultiSelectProps, 'data'> & { value?: string[] }) {
  const { t, i18n } = useTranslation();
  const book = useCodeBook(list);
  const data = codeOptions(book.entries, i18n.language, { keep: value });
  return (
    <MultiSelect
      searchable
      clearable
      data={data}
      value={value ?? []}
      nothingFoundMessage={book.isPending ? t('common.loading') : t('common.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}
