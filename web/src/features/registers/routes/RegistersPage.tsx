import { useState, type ReactNode } from 'react';
import { Anchor, Button, Group, Stack, Table, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCodeBook } from '@/api/queries/codelists';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { useCompanyList, useConveyanceList, usePersonList, type Register } from '../api/registers';

interface ListState {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

function Results({ list, count, q, head, children }: { list: ListState; count: number; q: string; head: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (count === 0) return <EmptyState title={q ? t('registers.noMatch') : t('registers.empty')} />;
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

function Persons({ q }: { q: string }) {
  const { t } = useTranslation();
  const list = usePersonList(q);
  const countries = useCodeBook('countries');
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Results
      list={list}
      count={rows.length}
      q={q}
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
              {[p.family_name.toUpperCase(), p.given_names].filter(Boolean).join(' ')}
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
      q={q}
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
      q={q}
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

export function RegistersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const register = (REGISTERS as string[]).includes(params.get('register') ?? '') ? (params.get('register') as Register) : 'persons';
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(search.trim(), 300);
  return (
    <Stack>
      <PageHeader title={t('registers.title')} description={t('registers.description')} />
      <Tabs value={register} onChange={(v) => setParams(v ? { register: v } : {}, { replace: true })}>
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
        leftSection={<IconSearch size={16} aria-hidden />}
        type="search"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={420}
      />
      {register === 'persons' && <Persons q={q} />}
      {register === 'companies' && <Companies q={q} />}
      {register === 'conveyances' && <Conveyances q={q} />}
      <Text size="xs" c="dimmed">
        {t('registers.auditNote')}
      </Text>
    </Stack>
  );
}
