import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Anchor, Button, Group, SegmentedControl, Select, Stack, Table, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload, IconFileImport, IconPlus, IconSearch } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCodeBook } from '@/api/queries/codelists';
import { useMe } from '@/api/queries/me';
import { Data } from '@/components/Bidi';
import { CodeSelect } from '@/components/CodeSelect';
import { PageHeader } from '@/components/PageHeader';
import { RegisterSearchSummary } from '@/components/RegisterSearchSummary';
import { SaveSearchButton } from '@/components/SaveSearchButton';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { useErrorMessage } from '@/components/useErrorMessage';
import type { CompanyStatus, IdentifierKind } from '@/api/types';
import '@/i18n/companies';
import '@/i18n/searches';
import { COMPANY_STATUSES, IDENTIFIER_KINDS, RISK_BANDS, riskBand } from '@/lib/codes';
import { isTooManyRows, type ExportFormat } from '@/lib/download';
import { formatDate } from '@/lib/format';
import { can } from '@/lib/permissions';
import { registerSearchOf, type RegisterSearchField } from '@/lib/registerSearch';
import { checkPartialDate } from '@/lib/validation';
import {
  useCompanyList,
  useConveyanceList,
  usePersonList,
  useRegisterExport,
  type CompanyFilters,
  type ConveyanceFilters,
  type ListFilters,
  type PersonFilters,
  type Register,
  type RegisterSort,
} from '../api/registers';
import { RiskBadge } from '../components/RiskBadge';
import { personName } from '../lib/recordForms';

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

/** When the latest case naming the record was detected, as a date in the UI language. */
function LastCase({ at }: { at?: string | null }) {
  const { i18n } = useTranslation();
  return (
    <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="last-case">
      {formatDate(at, i18n.language)}
    </Table.Td>
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
      searched={!!(filters.q || filters.nationality || filters.country || filters.born || filters.document)}
      head={
        <Table.Tr>
          <Table.Th scope="col">{t('registers.person.name')}</Table.Th>
          <Table.Th scope="col">{t('registers.person.date_of_birth')}</Table.Th>
          <Table.Th scope="col">{t('registers.person.nationalities')}</Table.Th>
          <Table.Th scope="col">{t('registers.lastCase')}</Table.Th>
        </Table.Tr>
      }
    >
      {rows.map((p) => (
        <Table.Tr key={p.id}>
          <Table.Td>
            <Anchor component={Link} to={`/registers/persons/${p.id}`}>
              <Data>{personName(p)}</Data>
            </Anchor>
          </Table.Td>
          <Table.Td>{p.date_of_birth ? <Data ltr>{p.date_of_birth}</Data> : '—'}</Table.Td>
          <Table.Td>{(p.nationalities ?? []).map((n) => countries.label(n)).join(t('common.listSeparator')) || '—'}</Table.Td>
          <LastCase at={p.last_case_at} />
        </Table.Tr>
      ))}
    </Results>
  );
}

function Companies({ filters }: { filters: CompanyFilters }) {
  const { t } = useTranslation();
  const list = useCompanyList(filters);
  const countries = useCodeBook('countries');
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Results
      list={list}
      count={rows.length}
      searched={
        !!(filters.q || filters.country || filters.identifier || filters.status || filters.typology || filters.risk_band || filters.activity || filters.person_id)
      }
      head={
        <Table.Tr>
          <Table.Th scope="col">{t('registers.company.name')}</Table.Th>
          <Table.Th scope="col">{t('registers.company.country')}</Table.Th>
          <Table.Th scope="col">{t('registers.company.registration_number')}</Table.Th>
          <Table.Th scope="col">{t('companies:fields.risk')}</Table.Th>
          <Table.Th scope="col">{t('registers.lastCase')}</Table.Th>
        </Table.Tr>
      }
    >
      {rows.map((c) => (
        <Table.Tr key={c.id}>
          <Table.Td>
            <Anchor component={Link} to={`/registers/companies/${c.id}`}>
              <Data>{c.name}</Data>
            </Anchor>
          </Table.Td>
          <Table.Td>{c.country ? countries.label(c.country) : '—'}</Table.Td>
          <Table.Td ff="monospace">{c.registration_number || c.eori ? <Data>{c.registration_number ?? c.eori}</Data> : '—'}</Table.Td>
          <Table.Td>{c.risk ? <RiskBadge risk={c.risk} size="sm" /> : '—'}</Table.Td>
          <LastCase at={c.last_case_at} />
        </Table.Tr>
      ))}
    </Results>
  );
}

function Conveyances({ filters }: { filters: ConveyanceFilters }) {
  const { t } = useTranslation();
  const list = useConveyanceList(filters);
  const types = useCodeBook('conveyance_types');
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Results
      list={list}
      count={rows.length}
      searched={!!(filters.q || filters.country || filters.conveyance_type || filters.identifier_kind)}
      head={
        <Table.Tr>
          <Table.Th scope="col">{t('registers.conveyance.identifier')}</Table.Th>
          <Table.Th scope="col">{t('registers.conveyance.conveyance_type')}</Table.Th>
          <Table.Th scope="col">{t('registers.conveyance.name')}</Table.Th>
          <Table.Th scope="col">{t('registers.lastCase')}</Table.Th>
        </Table.Tr>
      }
    >
      {rows.map((c) => (
        <Table.Tr key={c.id}>
          <Table.Td>
            <Anchor component={Link} to={`/registers/conveyances/${c.id}`} ff="monospace">
              <Data>{c.identifier}</Data>
            </Anchor>
          </Table.Td>
          <Table.Td>{types.label(c.conveyance_type)}</Table.Td>
          <Table.Td>{c.name ? <Data>{c.name}</Data> : '—'}</Table.Td>
          <LastCase at={c.last_case_at} />
        </Table.Tr>
      ))}
    </Results>
  );
}

const REGISTERS: Register[] = ['persons', 'companies', 'conveyances'];
/**
 * Search parameters that only the persons register takes (dropped when the tab changes);
 * `birth_year` is read from older links (and saved searches) as a date of birth.
 */
const PERSON_FILTERS = ['nationality', 'born', 'birth_year', 'document'] as const;
/** Search parameters that only the companies register takes (dropped when the tab changes too). */
const COMPANY_FILTERS = ['identifier', 'status', 'typology', 'risk_band', 'activity', 'person_id'] as const;
/** Search parameters that only the conveyances register takes. */
const CONVEYANCE_FILTERS = ['conveyance_type', 'identifier_kind'] as const;
/**
 * The filters a register takes that the page has no field for: they come in the address (a
 * saved search opened in its register) and are shown as a summary, until cleared.
 */
const ADDRESS_ONLY_FILTERS: Record<Register, readonly RegisterSearchField[]> = {
  persons: ['document'],
  companies: ['activity', 'person_id'],
  conveyances: CONVEYANCE_FILTERS,
};
/** The parameters of one register's own filters, removed (on a change of tab). */
const NO_REGISTER_FILTERS = Object.fromEntries([...PERSON_FILTERS, ...COMPANY_FILTERS, ...CONVEYANCE_FILTERS].map((f) => [f, null]));
/** Every filter ("Clear filters" removes them; the search text and the order stay). */
const NO_FILTERS = { ...NO_REGISTER_FILTERS, country: null };
const EXPORT_FORMATS: ExportFormat[] = ['csv', 'xlsx'];

/** A date of birth as the persons search takes it (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checked), or null. */
function bornFilter(value: string | null | undefined): string | null {
  const born = value?.trim() ?? '';
  return born && checkPartialDate(born, new Date()) === null ? born : null;
}

/** An identifier kind of the address, or null for none (or one the API does not know). */
function identifierKindFilter(value: string | null): IdentifierKind | null {
  return (IDENTIFIER_KINDS as readonly string[]).includes(value ?? '') ? (value as IdentifierKind) : null;
}

/** A company status of the address, or null for none (or one the API does not know). */
function statusFilter(value: string | null): CompanyStatus | null {
  return (COMPANY_STATUSES as readonly string[]).includes(value ?? '') ? (value as CompanyStatus) : null;
}

/**
 * The order of a list, from the address: latest case first (`sort=last_case`); for persons and
 * companies searched with a text, best match first unless `sort=name` asks for the name order;
 * otherwise by name (the identifier for conveyances), `sort` absent.
 */
function listSort(register: Register, q: string, param: string | null): RegisterSort {
  if (param === 'last_case') return 'last_case';
  if (register !== 'conveyances' && q !== '' && param !== 'name') return 'relevance';
  return 'name';
}

/** The orders the selector offers: best match first only while persons or companies are searched with a text. */
function sortOptions(register: Register, q: string): RegisterSort[] {
  return register !== 'conveyances' && q !== '' ? ['relevance', 'name', 'last_case'] : ['name', 'last_case'];
}

/**
 * The address for a chosen order: each order's default left out (best match with a text, the
 * name order without one), so a shared link reads as it was seen.
 */
function sortParamFor(sort: RegisterSort, ranked: boolean): string | null {
  if (sort === 'last_case') return sort;
  if (sort === 'name') return ranked ? 'name' : null;
  return null;
}

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
 * A register's filters: the country (each register's own), and for persons their nationality
 * (applied at once) and date of birth (applied once it is a whole year, month or day). They
 * live in the address, so a search can be shared or reloaded.
 */
function FilterFields({ register, params, filters, set }: { register: Register; params: URLSearchParams; filters: ListFilters; set: SetParams }) {
  const { t } = useTranslation();
  const persons = register === 'persons';
  const companies = register === 'companies';
  const [born, setBorn] = useState(params.get('born') ?? params.get('birth_year') ?? '');
  const [settled] = useDebouncedValue(born.trim(), 300);
  const problem = settled === '' ? null : checkPartialDate(settled, new Date());
  // a date being typed, or a wrong one, filters nothing (and says so) rather than the last good one
  useEffect(() => {
    if (persons) set({ born: bornFilter(settled), birth_year: null });
  }, [persons, settled, set]);
  // an identifier is applied once the typing pauses
  const [identifier, setIdentifier] = useState(params.get('identifier') ?? '');
  const [settledIdentifier] = useDebouncedValue(identifier.trim(), 300);
  useEffect(() => {
    if (companies) set({ identifier: settledIdentifier || null });
  }, [companies, settledIdentifier, set]);
  const active = Object.keys(NO_FILTERS).some((f) => params.has(f)) || born !== '' || identifier !== '';
  // the filters without a field of their own, as the saved searches' summary words them
  const search = registerSearchOf(register, filters);
  const others = ADDRESS_ONLY_FILTERS[register].some((f) => f in search);
  return (
    <Group align="flex-start" gap="sm" role="group" aria-label={t('registers.filters.label')} data-testid="register-filters">
      {persons && (
        <CodeSelect
          list="countries"
          label={t('registers.filters.nationality')}
          value={params.get('nationality')}
          onChange={(v) => set({ nationality: v })}
          w={240}
        />
      )}
      <CodeSelect
        list="countries"
        label={t(`registers.filters.country.${register}`)}
        value={params.get('country')}
        onChange={(v) => set({ country: v })}
        w={240}
      />
      {companies && (
        <>
          <TextInput
            label={t('companies:filters.identifier')}
            description={t('companies:filters.identifierHelp')}
            maxLength={64}
            value={identifier}
            onChange={(e) => setIdentifier(e.currentTarget.value)}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            w={240}
          />
          <Select
            label={t('companies:filters.status')}
            clearable
            data={COMPANY_STATUSES.map((s) => ({ value: s, label: t(`registers.companyStatus.${s}`) }))}
            value={statusFilter(params.get('status'))}
            onChange={(v) => set({ status: v })}
            w={200}
          />
          <Select
            label={t('companies:filters.riskBand')}
            clearable
            data={RISK_BANDS.map((b) => ({ value: b, label: t(`companies:risk.bands.${b}`) }))}
            value={riskBand(params.get('risk_band'))}
            onChange={(v) => set({ risk_band: v })}
            w={160}
          />
          <CodeSelect
            list="fraud_typologies"
            label={t('companies:filters.typology')}
            value={params.get('typology')}
            onChange={(v) => set({ typology: v })}
            w={240}
          />
        </>
      )}
      {persons && (
        <TextInput
          label={t('registers.filters.born')}
          description={t('registers.person.dobHelp')}
          maxLength={10}
          value={born}
          onChange={(e) => setBorn(e.currentTarget.value)}
          error={problem ? t(problem) : undefined}
          w={200}
        />
      )}
      {others && (
        <Stack gap={4} mt={4} data-testid="register-other-filters">
          <Text size="sm" fw={500}>
            {t('searches:summary.otherFilters')}
          </Text>
          <RegisterSearchSummary target={register} search={search} fields={ADDRESS_ONLY_FILTERS[register]} />
        </Stack>
      )}
      {active && (
        <Button
          variant="subtle"
          mt={25}
          onClick={() => {
            setBorn('');
            setIdentifier('');
            set(NO_FILTERS);
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
  const sort = listSort(register, q, params.get('sort'));
  const orders = sortOptions(register, q);
  const ranked = orders.includes('relevance');
  const filters: ListFilters = {
    q,
    country: params.get('country'),
    sort,
    nationality: params.get('nationality'),
    born: bornFilter(params.get('born') ?? params.get('birth_year')),
    identifier: params.get('identifier'),
    status: statusFilter(params.get('status')),
    typology: params.get('typology'),
    risk_band: riskBand(params.get('risk_band')),
    document: params.get('document'),
    activity: params.get('activity'),
    person_id: params.get('person_id'),
    conveyance_type: params.get('conveyance_type'),
    identifier_kind: identifierKindFilter(params.get('identifier_kind')),
  };
  const exporter = useRegisterExport();
  const message = useErrorMessage();
  const running = exporter.isPending ? exporter.variables?.format : undefined;
  const creatable = register !== 'conveyances' && can(me, 'registers.write');
  // a rule over a register: saved searches are the case readers' (the route asks for both)
  const savable = can(me, 'seizures.read');
  return (
    <Stack>
      <PageHeader
        title={t('registers.title')}
        description={t('registers.description')}
        actions={
          creatable && (
            <>
              {register === 'companies' && (
                <Button component={Link} to="/registers/companies/import" variant="default" leftSection={<IconFileImport size={16} aria-hidden />}>
                  {t('companies:import.title')}
                </Button>
              )}
              <Button component={Link} to={`/registers/${register}/new`} leftSection={<IconPlus size={16} aria-hidden />}>
                {t(`registers.create.${register}`)}
              </Button>
            </>
          )
        }
      />
      <Tabs
        value={register}
        onChange={(v) => {
          exporter.reset();
          set({ register: v, ...NO_REGISTER_FILTERS });
        }}
      >
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
      <FilterFields key={register} register={register} params={params} filters={filters} set={set} />
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <SegmentedControl
            aria-label={t('registers.sort.label')}
            size="xs"
            style={{ alignSelf: 'flex-start' }}
            value={sort}
            onChange={(v) => set({ sort: sortParamFor(v as RegisterSort, ranked) })}
            data={orders.map((o) => ({
              value: o,
              label: t(o === 'name' && register === 'conveyances' ? 'registers.sort.identifier' : `registers.sort.${o}`),
            }))}
          />
          {sort === 'relevance' && (
            <Text size="xs" c="dimmed" maw={420} data-testid="registers-relevance-note">
              {t('registers.sort.relevanceHelp')}
            </Text>
          )}
        </Stack>
        <Stack gap={2} align="flex-end">
          <Group gap="xs" align="flex-start" wrap="wrap">
            {savable && <SaveSearchButton target={register} query={registerSearchOf(register, filters)} />}
            <Group gap="xs" role="group" aria-label={t('registers.export.label')} data-testid="registers-export">
              {EXPORT_FORMATS.map((format) => (
                <Button
                  key={format}
                  size="xs"
                  variant="default"
                  leftSection={<IconDownload size={14} aria-hidden />}
                  loading={running === format}
                  disabled={exporter.isPending && running !== format}
                  onClick={() => exporter.mutate({ register, format, filters })}
                >
                  {t(`registers.export.${format}`)}
                </Button>
              ))}
            </Group>
          </Group>
          <Text size="xs" c="dimmed" maw={320} ta="end">
            {t('registers.export.audited')}
          </Text>
        </Stack>
      </Group>
      {exporter.isError && (
        <Alert
          color="red"
          variant="light"
          role="alert"
          data-testid="registers-export-error"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => exporter.reset()}
        >
          {isTooManyRows(exporter.error) ? t('registers.export.tooMany') : t('registers.export.failed', { message: message(exporter.error) })}
        </Alert>
      )}
      {register === 'persons' && <Persons filters={filters} />}
      {register === 'companies' && <Companies filters={filters} />}
      {register === 'conveyances' && <Conveyances filters={filters} />}
      <Text size="xs" c="dimmed">
        {t('registers.auditNote')}
      </Text>
    </Stack>
  );
}
