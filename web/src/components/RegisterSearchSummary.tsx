import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCodeLabels } from '@/api/queries/codelists';
import { useMe } from '@/api/queries/me';
import '@/i18n/searches';
import { can } from '@/lib/permissions';
import {
  REGISTER_SEARCH_CODE_LISTS,
  recordPath,
  registerFieldLabel,
  registerSearchEntries,
  type RegisterSearch,
  type RegisterSearchField,
  type RegisterTarget,
} from '@/lib/registerSearch';
import { Bidi, Data } from './Bidi';
import { SearchSummaryList } from './SearchSummaryList';

/**
 * A register search's filters in words, as the registers page names them: "Country: Ecuador",
 * "Status: Active", code-list values by their label in the UI language; the person a company
 * search is about by its kind, linked to the record with `links` (for those who read the
 * registers). "Every record" when none is set. `fields` keeps only some of them (the registers
 * page shows so those it has no field for).
 */
export function RegisterSearchSummary({
  target,
  search,
  links = false,
  fields,
}: {
  target: RegisterTarget;
  search: RegisterSearch;
  links?: boolean;
  fields?: readonly RegisterSearchField[];
}) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const entries = registerSearchEntries(target, search).filter(([k]) => !fields || fields.includes(k));
  const lists = [...new Set(entries.map(([k]) => REGISTER_SEARCH_CODE_LISTS[k]).filter((l): l is string => !!l))];
  const code = useCodeLabels(lists);

  const value = (k: RegisterSearchField, v: string) => {
    const list = REGISTER_SEARCH_CODE_LISTS[k];
    if (list) return <Bidi>{code(list, v)}</Bidi>;
    switch (k) {
      case 'q':
        return <Data>{t('searches:summary.text', { text: v })}</Data>;
      case 'born':
      case 'birth_year':
        return <Data ltr>{v}</Data>;
      case 'document':
      case 'identifier':
        return <Data>{v}</Data>;
      case 'status':
        return t(`registers.companyStatus.${v}`, { defaultValue: v });
      case 'risk_band':
        return t(`searches:riskBands.${v}`, { defaultValue: v });
      case 'identifier_kind':
        return t(`registers.identifierKinds.${v}`, { defaultValue: v });
      case 'person_id':
        return links && can(me, 'registers.read') ? (
          <Anchor component={Link} to={recordPath('persons', v)} size="xs">
            {t('searches:summary.record')}
          </Anchor>
        ) : (
          t('searches:summary.record')
        );
      default:
        return v;
    }
  };

  return (
    <SearchSummaryList
      items={entries.map(([k, v]) => ({ field: k, label: registerFieldLabel(t, target, k), value: value(k, v) }))}
      empty={t('searches:summary.everyRecord')}
    />
  );
}
