import { useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '@/api/client';
import { unwrap } from '@/api/errors';
import { formatDateTime } from '@/lib/format';
import { useCaseOptions, useCaseRef, useThread, useWarningOptions } from '../api/threads';
import type { ThreadSummary, WatchType } from '../api/types';
import { SearchSelect, type SearchOption } from './SearchSelect';

function useCaseSearch(q: string) {
  const { i18n } = useTranslation();
  const r = useCaseOptions(q);
  return {
    isFetching: r.isFetching,
    data: r.data?.map((c) => ({
      value: c.id,
      label: c.reference,
      description: [formatDateTime(c.detected_at, i18n.language), c.place].filter(Boolean).join(' · '),
    })),
  };
}

/** A seizure case, found by reference or text. */
export function CasePicker({
  value,
  onChange,
  error,
  withAsterisk,
  description,
}: {
  value: string | null;
  onChange: (id: string | null, reference?: string) => void;
  error?: ReactNode;
  withAsterisk?: boolean;
  description?: ReactNode;
}) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<SearchOption | null>(null);
  const known = picked?.value === value ? picked : null;
  const ref = useCaseRef(value && !known ? value : null);
  const current = known ?? (value ? { value, label: ref.data?.reference ?? (ref.isPending ? t('common.loading') : value) } : null);
  return (
    <SearchSelect
      label={t('messaging.compose.case')}
      description={description ?? t('messaging.compose.caseHelp')}
      value={value}
      current={current}
      error={error}
      withAsterisk={withAsterisk}
      testId="case-picker"
      useOptions={useCaseSearch}
      onChange={(o) => {
        setPicked(o);
        onChange(o?.value ?? null, o?.label);
      }}
    />
  );
}

function useWarningOption(): (w: ThreadSummary) => SearchOption<ThreadSummary> {
  const { i18n } = useTranslation();
  return (w) => ({
    value: w.id,
    label: w.subject,
    description: [w.created_by_name, formatDateTime(w.created_at, i18n.language)].join(' · '),
    item: w,
  });
}

function useWarningSearch(q: string) {
  const toOption = useWarningOption();
  const r = useWarningOptions(q);
  return { isFetching: r.isFetching, data: r.data?.map(toOption) };
}

/** A warning the sender can see (the feedback template). */
export function WarningPicker({
  value,
  onChange,
  error,
}: {
  value: string | null;
  onChange: (warning: ThreadSummary | null) => void;
  error?: ReactNode;
}) {
  const { t } = useTranslation();
  const toOption = useWarningOption();
  const [picked, setPicked] = useState<ThreadSummary | null>(null);
  const known = picked?.id === value ? picked : null;
  const detail = useThread(value ?? '', !!value && !known);
  const thread = known ?? detail.data ?? null;
  return (
    <SearchSelect<ThreadSummary>
      label={t('messaging.compose.warning')}
      value={value}
      current={thread ? toOption(thread) : value ? { value, label: detail.isError ? value : t('common.loading') } : null}
      error={error}
      withAsterisk
      testId="warning-picker"
      useOptions={useWarningSearch}
      onChange={(o) => {
        const w = o?.item ?? null;
        setPicked(w);
        onChange(w);
      }}
    />
  );
}

type RegisterKind = 'persons' | 'companies' | 'conveyances';
const REGISTER: Partial<Record<WatchType, RegisterKind>> = { person: 'persons', company: 'companies', conveyance: 'conveyances' };

function useRegisterSearch(kind: RegisterKind, q: string) {
  return useQuery({
    queryKey: ['registers', kind, 'matches', 'messaging', q],
    enabled: q.length >= 2,
    queryFn: async ({ signal }): Promise<SearchOption[]> => {
      const init = { params: { query: { q, limit: 8 } }, signal };
      if (kind === 'persons')
        return unwrap(await api.GET('/api/v1/persons', init)).items.map((p) => ({
          value: p.id,
          label: [p.family_name.toUpperCase(), p.given_names].filter(Boolean).join(' '),
          description: p.date_of_birth,
        }));
      if (kind === 'companies')
        return unwrap(await api.GET('/api/v1/companies', init)).items.map((c) => ({ value: c.id, label: c.name, description: c.country }));
      return unwrap(await api.GET('/api/v1/conveyances', init)).items.map((c) => ({ value: c.id, label: c.identifier, description: c.name }));
    },
  });
}
function usePersonSearch(q: string) {
  return useRegisterSearch('persons', q);
}
function useCompanySearch(q: string) {
  return useRegisterSearch('companies', q);
}
function useConveyanceSearch(q: string) {
  return useRegisterSearch('conveyances', q);
}
const REGISTER_SEARCH = { persons: usePersonSearch, companies: useCompanySearch, conveyances: useConveyanceSearch };

/** A person, company or conveyance of the registers, for a watch target of those types. */
export function RegisterPicker({
  type,
  value,
  onChange,
  error,
}: {
  type: WatchType | null;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: ReactNode;
}) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<SearchOption | null>(null);
  const kind = type ? REGISTER[type] : undefined;
  if (!kind) return null;
  return (
    <SearchSelect
      key={kind}
      label={t('messaging.compose.registerRecord')}
      description={t('messaging.compose.registerHelp')}
      value={value}
      current={picked?.value === value ? picked : null}
      error={error}
      useOptions={REGISTER_SEARCH[kind]}
      onChange={(o) => {
        setPicked(o);
        onChange(o?.value ?? null);
      }}
    />
  );
}
