import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Anchor, Button, Group, Paper, Progress, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconDatabaseImport, IconPlayerStop } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Bidi, Data } from '@/components/Bidi';
import { PageHeader } from '@/components/PageHeader';
import { ErrorState, FormError, LoadingState } from '@/components/states';
import { formatBytes, formatDateTime } from '@/lib/format';
import '@/i18n/imports';
import { importKeys, useCancelImport, useCommitImport, useImport, type ImportJob, type ImportMode } from '../api/imports';
import { StatusBadge } from '../components/parts';
import { ProblemsTable } from '../components/ProblemsTable';
import { ProposalsTable } from '../components/ProposalsTable';
import { isFinal, kindLabel, MODES, percentRead } from '../lib/status';

const COUNTS = ['created', 'updated', 'unchanged', 'rejected'] as const;
/** What the import of cases adds: their parties linked to register records, and proposed beside one. */
const CASE_COUNTS = ['matched', 'proposals'] as const;

/**
 * An import (`/imports/:id`): where it stands, read again at each of its live events until it
 * ends (lines done so far, how much of the file is read), its counts ("would be created" for a
 * dry run; for cases, their parties linked and proposed), why it failed, cancelling it while it
 * runs, committing a dry run that succeeded, its problems, and the proposals of an import of cases.
 */
export function ImportPage() {
  const { id = '' } = useParams();
  return <ImportView key={id} id={id} />;
}

function ImportView({ id }: { id: string }) {
  const { t } = useTranslation();
  const job = useImport(id);
  const qc = useQueryClient();
  const final = isFinal(job.data?.status);

  // once it ends, the history shows its counts
  useEffect(() => {
    if (final) void qc.invalidateQueries({ queryKey: importKeys.list() });
  }, [final, qc]);

  const back = (
    <Anchor component={Link} to="/imports" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('imports:job.back')}
      </Group>
    </Anchor>
  );

  if (job.isPending) return <LoadingState />;
  if (job.isError) {
    return (
      <Stack>
        {back}
        <ErrorState error={job.error} onRetry={() => void job.refetch()} />
      </Stack>
    );
  }
  const j = job.data;
  return (
    <Stack>
      {back}
      <PageHeader
        title={t('imports:job.title', { name: j.filename || t('imports:history.unnamed') })}
        description={t('imports:job.settings', {
          recordType: t(`imports:recordTypes.${j.record_type}`),
          source: j.source_system,
          kind: t(j.dry_run ? 'imports:kinds.dryRun' : 'imports:kinds.commit'),
          mode: t(`imports:modes.${j.mode}`),
        })}
      />
      <Status job={j} />
      <Counts job={j} />
      {j.status === 'succeeded' && j.dry_run && !j.file_purged_at && <Commit job={j} />}
      <ProblemsTable id={id} enabled={final} />
      {j.record_type === 'cases' && j.proposals > 0 && <ProposalsTable id={id} enabled={final} />}
    </Stack>
  );
}

function Status({ job }: { job: ImportJob }) {
  const { t, i18n } = useTranslation();
  const cancel = useCancelImport(job.id);
  const active = !isFinal(job.status);
  const number = new Intl.NumberFormat(i18n.language);
  const percent = percentRead(job);
  return (
    <Paper withBorder p="md" component="section" aria-label={kindLabel(t, job)}>
      <Stack gap="sm">
        <Group justify="space-between" align="center">
          <Group gap="sm">
            <StatusBadge status={job.status} testId="import-status" />
            <Text size="sm" data-testid="import-rows-done" aria-live="polite">
              {t('imports:job.rowsDone', { done: number.format(job.rows_done) })}
            </Text>
          </Group>
          {active && (
            <Button
              color="red"
              variant="light"
              leftSection={<IconPlayerStop size={16} aria-hidden />}
              onClick={() => cancel.mutate()}
              loading={cancel.isPending}
              disabled={job.cancel_requested}
              data-testid="import-cancel"
            >
              {t('imports:job.cancel')}
            </Button>
          )}
        </Group>
        {active && (
          <Stack gap={2}>
            <Progress value={percent} striped animated aria-label={t('imports:job.progressLabel')} data-testid="import-progress" />
            <Text size="xs" c="dimmed" data-testid="import-progress-text">
              {t('imports:job.progress', { percent: number.format(percent) })}
            </Text>
          </Stack>
        )}
        {job.status === 'queued' && (
          <Text size="sm" c="dimmed">
            {t('imports:job.waiting')}
          </Text>
        )}
        {active && job.cancel_requested && (
          <Text size="sm" c="dimmed" data-testid="import-cancel-requested">
            {t('imports:job.cancelRequested')}
          </Text>
        )}
        <FormError error={cancel.error} />
        {job.failure && (
          <Alert color="red" variant="light" title={t('imports:job.failure')} data-testid="import-failure">
            <Bidi>{job.failure}</Bidi>
          </Alert>
        )}
        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs">
          <Fact label={t('imports:job.size')} value={formatBytes(job.size_bytes, i18n.language)} />
          <Fact label={t('imports:job.by')} value={<Data>{job.created_by_name ?? '—'}</Data>} />
          <Fact label={t('imports:job.createdAt')} value={formatDateTime(job.created_at, i18n.language)} />
          <Fact label={t('imports:job.startedAt')} value={formatDateTime(job.started_at, i18n.language)} />
          <Fact label={t('imports:job.finishedAt')} value={formatDateTime(job.finished_at, i18n.language)} />
        </SimpleGrid>
        {job.file_purged_at && (
          <Text size="sm" c="dimmed" data-testid="import-file-purged">
            {t('imports:job.filePurged', { at: formatDateTime(job.file_purged_at, i18n.language) })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </Stack>
  );
}

/**
 * Created, updated, unchanged, rejected: "would be …" for a dry run. For cases imported for real,
 * also their parties linked to existing records and those proposed (a dry run matches none).
 */
function Counts({ job }: { job: ImportJob }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const cases = job.record_type === 'cases';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="import-counts-title">
      <Title order={2} size="h4" id="import-counts-title" mb="xs">
        {t('imports:counts.title')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }} data-testid="import-counts" component="dl" m={0}>
        {COUNTS.map((c) => (
          <Stack key={c} gap={0} data-testid={`import-count-${c}`}>
            <Text component="dt" size="xs" c="dimmed">
              {t(job.dry_run ? `imports:counts.dryRun.${c}` : `imports:counts.${c}`)}
            </Text>
            <Text component="dd" m={0} fw={700} size="lg">
              {number.format(job[c])}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
      {cases && !job.dry_run && (
        <SimpleGrid cols={{ base: 2, sm: 4 }} data-testid="import-case-counts" component="dl" m={0} mt="sm">
          {CASE_COUNTS.map((c) => (
            <Stack key={c} gap={0} data-testid={`import-count-${c}`}>
              <Text component="dt" size="xs" c="dimmed">
                {t(`imports:counts.${c}`)}
              </Text>
              <Text component="dd" m={0} fw={700} size="lg">
                {number.format(job[c])}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
      )}
      {cases && job.dry_run && (
        <Text size="sm" c="dimmed" mt="sm" data-testid="import-cases-dry-run">
          {t('imports:counts.casesDryRun')}
        </Text>
      )}
    </Paper>
  );
}

/** A dry run that succeeded: its file imported for real, in the mode chosen; opens the new job. */
function Commit({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const commit = useCommitImport(job.id);
  const [mode, setMode] = useState<ImportMode>(job.mode);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="import-commit-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="import-commit-title">
          {t('imports:job.commitTitle')}
        </Title>
        <Text size="sm">{t('imports:job.commitHelp')}</Text>
        <Radio.Group label={t('imports:upload.mode')} value={mode} onChange={(v) => setMode(v as ImportMode)}>
          <Stack gap="xs" mt={4}>
            {MODES.map((m) => (
              <Radio key={m} value={m} label={t(`imports:modes.${m}`)} description={t(`imports:modeHelp.${m}`)} data-testid={`import-commit-mode-${m}`} />
            ))}
          </Stack>
        </Radio.Group>
        <FormError error={commit.error} />
        <Group>
          <Button
            leftSection={<IconDatabaseImport size={16} aria-hidden />}
            onClick={() => commit.mutate(mode, { onSuccess: (next) => void navigate(`/imports/${next.id}`) })}
            loading={commit.isPending}
            data-testid="import-commit"
          >
            {t('imports:job.commit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
