import { useState } from 'react';
import { Alert, Anchor, Badge, Breadcrumbs, Button, Code, FileInput, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconCheck, IconFileUpload, IconUpload } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/errors';
import type { ImportOutcome, ImportReport, ImportRow } from '@/api/types';
import { Data } from '@/components/Bidi';
import { PageHeader } from '@/components/PageHeader';
import { FormError } from '@/components/states';
import '@/i18n/companies';
import { useCompanyImport } from '../api/companies';

/** The server's limit on an extract. */
const MAX_BYTES = 5 * 1024 * 1024;

/** The columns an extract may have, in the order the page documents them (`name` alone required). */
const IMPORT_COLUMNS = [
  'name',
  'legal_form',
  'country',
  'status',
  'status_since',
  'incorporated_on',
  'registration_number',
  'tax_id',
  'eori',
  'vat',
  'lei',
  'iban',
  'aeo',
  'street',
  'postcode',
  'city',
  'address_country',
  'phone',
  'email',
  'website',
  'activities',
  'former_names',
] as const;

const EXAMPLE = 'name,country,legal_form,vat,street,postcode,city\nAtlas Trading,FR,fr_sas,FR40303265045,12 rue de la Paix,75002,Paris';

const OUTCOME_COLOUR: Record<ImportOutcome, string> = {
  created: 'green.9',
  matched_identifier: 'blue.9',
  matched_name: 'blue.9',
  proposal: 'orange.9',
  rejected: 'red.9',
};

function Outcome({ outcome, dryRun }: { outcome: ImportOutcome; dryRun: boolean }) {
  const { t } = useTranslation();
  const key = outcome === 'created' && dryRun ? 'toCreate' : outcome === 'proposal' && dryRun ? 'toPropose' : outcome;
  return (
    <Badge variant="outline" color={OUTCOME_COLOUR[outcome] ?? 'gray.8'} tt="none" data-outcome={outcome}>
      {t(`companies:import.outcomes.${key}`, { defaultValue: outcome })}
    </Badge>
  );
}

/** The existing company a row matched (a link), or the likely duplicate of a proposal (its label), with the score. */
function Existing({ row }: { row: ImportRow }) {
  const { t, i18n } = useTranslation();
  const score = row.score === null || row.score === undefined ? '' : new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(row.score);
  const matched = row.outcome === 'matched_identifier' || row.outcome === 'matched_name';
  if (!row.existing_label) return <>—</>;
  return (
    <Group gap={6} wrap="wrap">
      {matched && row.company_id ? (
        <Anchor component={Link} to={`/registers/companies/${row.company_id}`}>
          <Data>{row.existing_label}</Data>
        </Anchor>
      ) : (
        <Data>{row.existing_label}</Data>
      )}
      {score && (
        <Text size="sm" c="dimmed" span>
          {t('companies:import.score', { score })}
        </Text>
      )}
    </Group>
  );
}

function Report({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const created = report.items.filter((r) => (r.outcome === 'created' || r.outcome === 'proposal') && r.company_id);
  return (
    <Stack data-testid="import-report" data-dry-run={report.dry_run}>
      <Title order={2} size="h4">
        {report.dry_run ? t('companies:import.checkTitle') : t('companies:import.doneTitle')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 5 }} data-testid="import-counts">
        {(
          [
            ['rows', report.rows],
            [report.dry_run ? 'toCreate' : 'created', report.created],
            ['matched', report.matched],
            ['proposals', report.proposals],
            ['rejected', report.rejected],
          ] as const
        ).map(([k, n]) => (
          <Paper withBorder p="sm" key={k} data-count={k}>
            <Text size="xs" c="dimmed" fw={600}>
              {t(`companies:import.counts.${k}`)}
            </Text>
            <Text size="xl" fw={700}>
              {n}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      {report.proposals > 0 && (
        <Text size="sm" c="dimmed">
          {t('companies:import.proposalsHelp')}
        </Text>
      )}
      {!report.dry_run && created.length > 0 && (
        <Stack gap={4} data-testid="import-created">
          <Text fw={600} size="sm">
            {t('companies:import.createdList', { count: created.length })}
          </Text>
          <List size="sm" spacing={2}>
            {created.map((r) => (
              <List.Item key={r.line}>
                <Anchor component={Link} to={`/registers/companies/${r.company_id}`}>
                  <Data>{r.name}</Data>
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      <Table.ScrollContainer minWidth={720}>
        <Table striped aria-label={t('companies:import.rowsLabel')} data-testid="import-rows">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('companies:import.line')}</Table.Th>
              <Table.Th scope="col">{t('companies:import.name')}</Table.Th>
              <Table.Th scope="col">{t('companies:import.outcome')}</Table.Th>
              <Table.Th scope="col">{t('companies:import.existing')}</Table.Th>
              <Table.Th scope="col">{t('companies:import.errors')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.items.map((r) => (
              <Table.Tr key={r.line} data-line={r.line}>
                <Table.Td>
                  <Data ltr>{r.line}</Data>
                </Table.Td>
                <Table.Td>
                  {!report.dry_run && r.company_id && (r.outcome === 'created' || r.outcome === 'proposal') ? (
                    <Anchor component={Link} to={`/registers/companies/${r.company_id}`}>
                      <Data>{r.name}</Data>
                    </Anchor>
                  ) : r.name ? (
                    <Data>{r.name}</Data>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>
                  <Outcome outcome={r.outcome} dryRun={report.dry_run} />
                </Table.Td>
                <Table.Td>
                  <Existing row={r} />
                </Table.Td>
                <Table.Td>
                  {(r.errors ?? []).length === 0 ? (
                    '—'
                  ) : (
                    <List size="sm" spacing={0} c="red.9">
                      {(r.errors ?? []).map((e, i) => (
                        <List.Item key={i}>
                          <Data>
                            {e.field}
                            {t('companies:labelSeparator')}
                            {e.message}
                          </Data>
                        </List.Item>
                      ))}
                    </List>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** A refusal of the whole file (its header, its size, its format), in words. */
function FileProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (isApiError(error) && error.status === 413) return <Alert color="red" variant="light" role="alert">{t('companies:import.tooLarge')}</Alert>;
  const errors = isApiError(error) ? (error.problem?.errors ?? []) : [];
  if (errors.length > 0)
    return (
      <Alert color="red" variant="light" role="alert" data-testid="import-file-error">
        <Stack gap={2}>
          {errors.map((e, i) => (
            <Text size="sm" key={i}>
              {e.code === 'too_many_rows' ? t('companies:import.tooManyRows') : e.message}
            </Text>
          ))}
        </Stack>
      </Alert>
    );
  return <FormError error={error} />;
}

/**
 * "Import a register extract": a CSV file checked first (matched against the register, nothing
 * written), its report read, then imported (the new companies created; a matched company is
 * never changed). The columns are documented on the page.
 */
export function CompanyImportPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const run = useCompanyImport();
  const report = run.data;
  const checked = report?.dry_run === true && run.variables?.file === file;

  const send = (dryRun: boolean) => {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setTooLarge(true);
      return;
    }
    run.mutate({ file, dryRun });
  };

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/registers?register=companies">
          {t('registers.tabs.companies')}
        </Anchor>
        <Text>{t('companies:import.title')}</Text>
      </Breadcrumbs>
      <PageHeader title={t('companies:import.title')} description={t('companies:import.description')} />
      <Paper withBorder p="md" component="section" aria-label={t('companies:import.columnsTitle')}>
        <Title order={2} size="h4" mb="sm">
          {t('companies:import.columnsTitle')}
        </Title>
        <Stack gap="xs">
          <Text size="sm">{t('companies:import.columnsIntro')}</Text>
          <Table.ScrollContainer minWidth={480}>
            <Table striped withTableBorder aria-label={t('companies:import.columnsTitle')} data-testid="import-columns">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('companies:import.column')}</Table.Th>
                  <Table.Th scope="col">{t('companies:import.content')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {IMPORT_COLUMNS.map((c) => (
                  <Table.Tr key={c}>
                    <Table.Td>
                      <Code>{c}</Code>
                      {c === 'name' && (
                        <Badge size="xs" ms={6} variant="light" tt="none">
                          {t('companies:import.required')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{t(`companies:import.columns.${c}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="sm">{t('companies:import.example')}</Text>
          <Code block>{EXAMPLE}</Code>
        </Stack>
      </Paper>
      <Paper withBorder p="md" component="section" aria-label={t('companies:import.fileTitle')}>
        <Stack>
          <FileInput
            label={t('companies:import.file')}
            description={t('companies:import.fileHelp')}
            accept=".csv,text/csv"
            clearable
            leftSection={<IconFileUpload size={16} aria-hidden />}
            value={file}
            onChange={(f) => {
              setFile(f);
              setTooLarge(false);
              run.reset();
            }}
            error={tooLarge ? t('companies:import.tooLarge') : undefined}
            data-testid="import-file"
            maw={520}
          />
          <Group>
            <Button variant={checked ? 'default' : 'filled'} leftSection={<IconCheck size={16} aria-hidden />} disabled={!file} loading={run.isPending && run.variables?.dryRun === true} onClick={() => send(true)}>
              {t('companies:import.check')}
            </Button>
            {checked && (
              <Button
                leftSection={<IconUpload size={16} aria-hidden />}
                loading={run.isPending && run.variables?.dryRun === false}
                disabled={report.created === 0}
                onClick={() => send(false)}
              >
                {t('companies:import.commit', { count: report.created })}
              </Button>
            )}
          </Group>
          {checked && (
            <Text size="sm" c="dimmed">
              {report.created === 0 ? t('companies:import.nothingToCreate') : t('companies:import.commitHelp')}
            </Text>
          )}
          {run.isError && <FileProblem error={run.error} />}
        </Stack>
      </Paper>
      {report && <Report report={report} />}
    </Stack>
  );
}
