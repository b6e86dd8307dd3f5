import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../client';
import { unwrap } from '../errors';
import type { CodeListEntry } from '../types';
import { pickLabel } from '@/lib/format';

/** A whole code list, retired entries included (needed to label values recorded before they were retired). */
export const codeBookQuery = (name: string) =>
  queryOptions({
    queryKey: ['codelists', 'book', name],
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/api/v1/codelists/{name}', {
          params: { path: { name }, query: { include_retired: true } },
          signal,
        }),
      ).entries,
    staleTime: 10 * 60_000,
  });

export interface CodeBook {
  entries: readonly CodeListEntry[];
  isPending: boolean;
  isError: boolean;
  /** The entry's label in the UI language; the code itself when unknown or still loading. */
  label: (code: string | null | undefined) => string;
}

/** Entries of a code list with a labeller in the UI language (shared by every feature that shows codes). */
export function useCodeBook(name: string, enabled = true): CodeBook {
  const { i18n } = useTranslation();
  const q = useQuery({ ...codeBookQuery(name), enabled });
  const entries = useMemo(() => q.data ?? [], [q.data]);
  const byCode = useMemo(() => new Map(entries.map((e) => [e.code, e])), [entries]);
  const label = useCallback(
    (code: string | null | undefined) => {
      if (!code) return '—';
      const e = byCode.get(code);
      return e ? pickLabel(e.labels, i18n.language, code) : code;
    },
    [byCode, i18n.language],
  );
  return { entries, isPending: q.isPending, isError: q.isError, label };
}

/**
 * A labeller for codes of several lists at once (e.g. the lists a history's changed fields
 * need): `label(list, code)` gives the entry's label in the UI language, the code itself when
 * unknown or still loading. Only the lists named are loaded.
 */
export function useCodeLabels(lists: readonly string[]): (list: string, code: string) => string {
  const { i18n } = useTranslation();
  const books = useQueries({ queries: lists.map((name) => codeBookQuery(name)) });
  const lang = i18n.language;
  return (list, code) => {
    const entry = books[lists.indexOf(list)]?.data?.find((e) => e.code === code);
    return entry ? pickLabel(entry.labels, lang, code) : code;
  };
}

/**
 * Options for a picker: active entries (retired ones are not offered for new values, but a
 * value already recorded stays visible), optionally restricted to children of `parent`,
 * sorted by the list's order then label.
 */
export function codeOptions(
  entries: readonly CodeListEntry[],
  lang: string,
  opts: { keep?: readonly (string | null | undefined)[]; parent?: string | null } = {},
): { value: string; label: string }[] {
  const keep = new Set((opts.keep ?? []).filter(Boolean) as string[]);
  return entries
    .filter((e) => !e.retired || keep.has(e.code))
    .filter((e) => opts.parent === undefined || opts.parent === null || e.parent_code === opts.parent || keep.has(e.code))
    .slice()
    .sort((a, b) => a.sort_order - b.sort_order || pickLabel(a.labels, lang, a.code).localeCompare(pickLabel(b.labels, lang, b.code)))
    .map((e) => ({ value: e.code, label: pickLabel(e.labels, lang, e.code) }));
}
