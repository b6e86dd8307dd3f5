import { Autocomplete, Loader, type AutocompleteProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useCompanyMatches } from '../api/registers';
import { companyNames } from '../lib/matches';

/**
 * The name of a conveyance (vessel, airline, carrier): free text, with the companies of the
 * register whose name matches what is typed (2 characters or more) offered as suggestions,
 * so the same airline or carrier is written the same way in every case.
 */
export function CarrierNameInput({ value = '', ...props }: Omit<AutocompleteProps, 'data' | 'filter'> & { value?: string }) {
  const { t } = useTranslation();
  const [q] = useDebouncedValue(value.trim(), 250);
  const matches = useCompanyMatches(q);
  const names = q.length >= 2 ? companyNames(matches.data ?? []) : [];
  return (
    <Autocomplete
      description={t('seizures.links.carrierHelp')}
      value={value}
      data={names}
      // the register's search already matched (accents, order, spellings): show all it found
      filter={({ options }) => options}
      openOnFocus={false}
      rightSection={matches.isFetching && q.length >= 2 ? <Loader size="xs" aria-hidden /> : undefined}
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}
