import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { Anchor, Button, Group, Stack, Table, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCodeBook } from '@/api/queries/codelists';
import { useMe } from '@/api/queries/me';
import { CodeSelect } from '@/components/CodeSelect';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { can } from '@/lib/permissions';
import { useCompanyList, useConveyanceList, usePersonList, type PersonFilters, type Register } from '../api/registers';
import { birthYear, personName } from '../lib/recordForms';

interface ListState {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

function Results({
  list,
  count,
  searched,
  head,
  children,
}: {
  list: ListState;
  count: number;
  /** a search or a filter is applied (an empty answer is then "no match", not "empty register") */
  searched: boolean;
  head: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (count === 0) return <EmptyState title={searched ? t('registers.noMatch') : t('registers.empty')} />;
  return (
    <>
      <Table.ScrollContainer minWidth={600}>
        <Table striped highlightOnHover data-testid="register-table">
          <Table.Thead>{head}</Table.Thead>
          <Table.Tbody>{children}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.hasNextPage && (
        <Group justify="center">
          <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </>
  );
}

function Persons({ filters }: { filters: PersonFilters }) {
  const { t } = useTranslation();
  const list = usePersonList(filters);
  const countries = useCodeBook('countries');
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Results
      list={list}
      count={rows.length}
      searched={!!(filters.q || filters.nationality || filters.birth_year)}
      head={
        <Table.Tr>
          <Table.Th scope="col">{t('registers.person.name')}</Table.Th>
          <Table.Th scope="col">{t('registers.person.date_of_birth')}</Table.Th>
          <Table.Th scope="col">{t('registers.person.nationalities')}</Table.Th>
        </Table.Tr>
      }
    >
      {rows.map((p) => (
        <Table.Tr key={p.id}>
          <Table.Td>
            <Anchor component={Link} to={`/registers/persons/${p.id}`}>
              <bdi>{personName(p)}</bdi>
            </Anchor>
          </Table.Td>
          <Table.Td>{p.date_of_birth ?? '—'}</Table.Td>
          <Table.Td>{(p.nationalities ?? []).map((n) => countries.label(n)).join(', ') || '—'}</Table.Td>
        </Table.Tr>
      ))}
    </Results>
  );
}

function Companies({ q }: { q: string }) {
  const { t } = useTranslation();
  const list = useCompanyList(q);
  const countries = useCodeBook('countries');
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Results
      list={list}
      count={rows.length}
      searched={!!q}
      head={
        <Table.Tr>
          <Table.Th scope="col">{t('registers.company.name')}</Table.Th>
          <Table.Th scope="col">{t('registers.company.country')}</Table.Th>
          <Table.Th scope="col">{t('registers.company.registration_number')}</Table.Th>
        </Table.Tr>
      }
    >
      {rows.map((c) => (
        <Table.Tr key={c.id}>
          <Table.Td>
            <Anchor component={Link} to={`/registers/companies/${c.id}`}>
              {c.name}
            </Anchor>
          </Table.Td>
          <Table.Td>{c.country ? countries.label(c.country) : '—'}</Table.Td>
          <Table.Td ff="monospace">{c.registration_number ?? c.eori ?? '—'}</Table.Td>
        </Table.Tr>
      ))}
    </Results>
  );
}

function Conveyances({ q }: { q: string }) {
  const { t } = useTranslation();
  const list = useConveyanceList(q);
  const types = useCodeBook('conveyance_types');
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Results
      list={list}
      count={rows.length}
      searched={!!q}
      head={
        <Table.Tr>
          <Table.Th scope="col">{t('registers.conveyance.identifier')}</Table.Th>
          <Table.Th scope="col">{t('registers.conveyance.conveyance_type')}</Table.Th>
          <Table.Th scope="col">{t('registers.conveyance.name')}</Table.Th>
        </Table.Tr>
      }
    >
      {rows.map((c) => (
        <Table.Tr key={c.id}>
          <Table.Td>
            <Anchor component={Link} to={`/registers/conveyances/${c.id}`} ff="monospace">
              {c.identifier}
            </Anchor>
          </Table.Td>
          <Table.Td>{types.label(c.conveyance_type)}</Table.Td>
          <Table.Td>{c.name ?? '—'}</Table.Td>
        </Table.Tr>
      ))}
    </Results>
  );
}

const REGISTERS: Register[] = ['persons', 'companies', 'conveyances'];
/** Search parameters that only the persons register takes (dropped when the tab changes). */
const PERSON_FILTERS = ['nationality', 'birth_year'] as const;
const NO_PERSON_FILTERS = Object.fromEntries(PERSON_FILTERS.map((f) => [f, null]));

/** Sets (or, with null, removes) search parameters, keeping the others; no new history entry. */
type SetParams = (changes: Record<string, string | null>) => void;

/**
 * `SetParams` over the address. Calls made before the address is read again (the search
 * text and a filter settling together) build on each other: the router's own updater would
 * start each from the same, stale, parameters. Nothing is navigated when nothing changes.
 */
function useSearchParamSetter(params: URLSearchParams, setParams: ReturnType<typeof useSearchParams>[1]): SetParams {
  const latest = useRef(params);
  const navigate = useRef(setParams);
  useLayoutEffect(() => {
    latest.current = params;
    navigate.current = setParams;
  }, [params, setParams]);
  return useCallback((changes) => {
    const next = new URLSearchParams(latest.current);
    let changed = false;
    for (const [name, value] of Object.entries(changes)) {
      if ((next.get(name) ?? null) === (value || null)) continue;
      changed = true;
      if (value) next.set(name, value);
      else next.delete(name);
    }
    if (!changed) return;
    latest.current = next;
    navigate.current(next, { replace: true });
  }, []);
}

/**
 * The persons register's filters: nationality (applied at once) and year of birth (applied
 * once it is a year). They live in the address, so a search can be shared or reloaded.
 */
function PersonFilterFields({ params, set }: { params: URLSearchParams; set: SetParams }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(params.get('birth_year') ?? '');
  const [settled] = useDebouncedValue(year.trim(), 300);
  const invalid = settled !== '' && birthYear(settled) === null;
  // a year being typed, or a wrong one, filters nothing (and says so) rather than the last good year
  useEffect(() => {
    const y = birthYear(settled);
    set({ birth_year: y === null ? null : String(y) });
  }, [settled, set]);
  const active = PERSON_FILTERS.some((f) => params.has(f)) || year !== '';
  return (
    <Group align="flex-start" gap="sm" role="group" aria-label={t('registers.filters.label')} data-testid="person-filters">
      <CodeSelect
        list="countries"
        label={t('registers.filters.nationality')}
        value={params.get('nationality')}
        onChange={(v) => set({ nationality: v })}
        w={240}
      />
      <TextInput
        label={t('registers.filters.birthYear')}
        inputMode="numeric"
        maxLength={4}
        value={year}
        onChange={(e) => setYear(e.currentTarget.value)}
        error={invalid ? t('registers.filters.birthYearInvalid') : undefined}
        w={160}
      />
      {active && (
        <Button
          variant="subtle"
          mt={25}
          onClick={() => {
            setYear('');
            set(NO_PERSON_FILTERS);
          }}
        >
          {t('registers.filters.clear')}
        </Button>
      )}
    </Group>
  );
}

export function RegistersPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const register = (REGISTERS as string[]).includes(params.get('register') ?? '') ? (params.get('register') as Register) : 'persons';
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(search.trim(), 300);
  const set = useSearchParamSetter(params, setParams);
  useEffect(() => {
    set({ q });
  }, [q, set]);
  const filters: PersonFilters = {
    q,
    nationality: params.get('nationality'),
    birth_year: birthYear(params.get('birth_year') ?? ''),
  };
  const creatable = register !== 'conveyances' && can(me, 'registers.write');
  return (
    <Stack>
      <PageHeader
        title={t('registers.title')}
        description={t('registers.description')}
        actions={
          creatable && (
            <Button component={Link} to={`/registers/${register}/new`} leftSection={<IconPlus size={16} aria-hidden />}>
              {t(`registers.create.${register}`)}
            </Button>
          )
        }
      />
      <Tabs value={register} onChange={(v) => set({ register: v, ...NO_PERSON_FILTERS })}>
        <Tabs.List>
          {REGISTERS.map((r) => (
            <Tabs.Tab key={r} value={r}>
              {t(`registers.tabs.${r}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <TextInput
        label={t(`registers.search.${register}`)}
        description={register === 'persons' ? t('registers.search.personsHelp') : undefined}
        leftSection={<IconSearch size={16} aria-hidden />}
        type="search"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={520}
      />
      {register === 'persons' && <PersonFilterFields params={params} set={set} />}
      {register === 'persons' && <Persons filters={filters} />}
      {register === 'companies' && <Companies q={q} />}
      {register === 'conveyances' && <Conveyances q={q} />}
      <Text size="xs" c="dimmed">
        {t('registers.auditNote')}
      </Text>
    </Stack>
  );
}
