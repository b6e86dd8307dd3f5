import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCodeLabels } from '@/api/queries/codelists';
import { useMe } from '@/api/queries/me';
import { useUnitNames } from '@/api/queries/units';
import '@/i18n/searches';
import { formatDate } from '@/lib/format';
import { can } from '@/lib/permissions';
import {
  SEARCH_CODE_LISTS,
  SEARCH_RECORDS,
  searchEntries,
  searchFieldLabel,
  type SearchField,
  type SeizureSearch,
} from '@/lib/seizureSearch';
import { Bidi, Data } from './Bidi';
import { SearchSummaryList } from './SearchSummaryList';

/**
 * A saved search's filters in words, as the seizure list's filters name them: "Commodity type:
 * Cocaine", "Detected from: 1 Mar 2026", code-list values by their label in the UI language,
 * the reporting unit by its name; the register records it is about by their kind, linked to
 * the record with `links` (for those who read the registers). "Every case" when none is set.
 */
export function SeizureSearchSummary({ search, links = false }: { search: SeizureSearch; links?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { data: me } = useMe();
  const entries = searchEntries(search);
  const lists = [...new Set(entries.map(([k]) => SEARCH_CODE_LISTS[k]).filter((l): l is string => !!l))];
  const code = useCodeLabels(lists);
  const unitName = useUnitNames(entries.some(([k]) => k === 'unit_id'));

  const value = (k: SearchField, v: string) => {
    const record = SEARCH_RECORDS[k];
    if (record) {
      return links && can(me, 'registers.read') ? (
        <Anchor component={Link} to={`/registers/${record}/${encodeURIComponent(v)}`} size="xs">
          {t('searches:summary.record')}
        </Anchor>
      ) : (
        t('searches:summary.record')
      );
    }
    const list = SEARCH_CODE_LISTS[k];
    if (list) return <Bidi>{code(list, v)}</Bidi>;
    switch (k) {
      case 'q':
        return <Data>{t('searches:summary.text', { text: v })}</Data>;
      case 'from':
        return formatDate(v, lang);
      case 'to':
        // the list's "until" day: the instant just before `to` (excluded)
        return formatDate(new Date(new Date(v).getTime() - 1).toISOString(), lang);
      case 'kind':
        return t(`seizures.kinds.${v}`, { defaultValue: v });
      case 'status':
        return t(`caseStatus.${v}`, { defaultValue: v });
      case 'unit_id':
        return <Data>{unitName(v) ?? v}</Data>;
      default:
        return v;
    }
  };

  return (
    <SearchSummaryList
      items={entries.map(([k, v]) => ({ field: k, label: searchFieldLabel(t, k), value: value(k, v) }))}
      empty={t('searches:summary.everything')}
    />
  );
}
