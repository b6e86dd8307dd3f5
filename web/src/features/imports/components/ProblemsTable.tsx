import { useState } from 'react';
import { Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import '@/i18n/imports';
import { Bidi, Data } from '@/components/Bidi';
import { EmptyState, ErrorState, FormError, LoadingState } from '@/components/states';
import { importKeys, useDownloadProblems, useImportProblems, type ImportProblems } from '../api/imports';

/**
 * An import's problems in line order, a page at a time ("Load more"), narrowed to one code if
 * asked (the codes offered are those found so far), and all of them as CSV.
 */
export function ProblemsTable({ id, enabled }: { id: string; enabled: boolean }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [code, setCode] = useState('');
  const problems = useImportProblems(id, code, enabled);
  const csv = useDownloadProblems(id);
  const number = new Intl.NumberFormat(i18n.language);

  // the codes seen in the unfiltered list (kept in the cache while a code is chosen)
  const all = qc.getQueryData<InfiniteData<ImportProblems>>(importKeys.problems(id, ''));
  const codes = [...new Set([...(all?.pages.flatMap((p) => p.items.map((i) => i.code)) ?? []), ...(code ? [code] : [])])].sort();
  const items = problems.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="xs" component="section" aria-labelledby="import-problems-title">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h4" id="import-problems-title">
          {t('imports:problems.title')}
        </Title>
        <Group align="flex-end">
          <NativeSelect
            label={t('imports:problems.code')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            data={[{ value: '', label: t('imports:problems.allCodes') }, ...codes.map((c) => ({ value: c, label: c }))]}
            disabled={!enabled}
            data-testid="import-problems-code"
          />
          <Button
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            onClick={() => csv.mutate()}
            loading={csv.isPending}
            disabled={!enabled}
            data-testid="import-problems-csv"
          >
            {t('imports:problems.csv')}
          </Button>
        </Group>
      </Group>
      <FormError error={csv.error} />
      {!enabled ? null : problems.isPending ? (
        <LoadingState />
      ) : problems.isError ? (
        <ErrorState error={problems.error} onRetry={() => void problems.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('imports:problems.none')} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={720}>
            <Table striped aria-labelledby="import-problems-title" data-testid="import-problems">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('imports:problems.columns.line')}</Table.Th>
                  <Table.Th scope="col">{t('imports:problems.columns.externalId')}</Table.Th>
                  <Table.Th scope="col">{t('imports:problems.columns.field')}</Table.Th>
                  <Table.Th scope="col">{t('imports:problems.columns.code')}</Table.Th>
                  <Table.Th scope="col">{t('imports:problems.columns.message')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((p) => (
                  <Table.Tr key={`${p.line}:${p.field}:${p.code}`} data-testid="import-problem" data-line={p.line} data-code={p.code}>
                    <Table.Td>{number.format(p.line)}</Table.Td>
                    <Table.Td>
                      <Data>{p.external_id ?? '—'}</Data>
                    </Table.Td>
                    <Table.Td>
                      <Text span ff="monospace" size="sm">
                        <Data ltr>{p.field}</Data>
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text span ff="monospace" size="sm">
                        <Data ltr>{p.code}</Data>
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Bidi>{p.message}</Bidi>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {problems.hasNextPage && (
            <Group>
              <Button variant="default" onClick={() => void problems.fetchNextPage()} loading={problems.isFetchingNextPage} data-testid="import-problems-more">
                {t('imports:problems.more')}
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
