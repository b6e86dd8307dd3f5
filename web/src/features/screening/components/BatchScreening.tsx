import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Button, FileInput, Group, List, Paper, Stack, Text, Textarea, Title, VisuallyHidden } from '@mantine/core';
import { IconFileTypeCsv, IconListSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/errors';
import { Bidi, Data } from '@/components/Bidi';
import { FormError } from '@/components/states';
import { useBatchScreening, type BatchResult } from '../api/screening';
import { BATCH_COLUMNS, BATCH_EXAMPLE_HEADER, batchBody, batchProblems, hasBatchText, MAX_BATCH_LINES, OUTCOMES, type BatchProblem } from '../lib/batch';
import { BatchResults } from './BatchResults';

const TEXT_ID = 'screening-batch-text';
/** A file larger than this is no list of at most 1,000 lines: refused before it is read into the page. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;
const PLACEHOLDER = `${BATCH_EXAMPLE_HEADER}\n12A,Abdelkader Bensaleh,1979-11-07,X1234567,\n,,,,CSQU3054383`;

/** Where a refused list's error is: "Line 4 · container", "Header line", "The list". */
function ProblemPlace({ problem }: { problem: BatchProblem }) {
  const { t } = useTranslation();
  if (problem.scope === 'line') {
    return (
      <>
        {t('screening.batch.errors.line', { line: problem.line })}
        {problem.column && (
          <>
            {' · '}
            <Text span ff="monospace" size="sm">
              <Data ltr>{problem.column}</Data>
            </Text>
          </>
        )}
      </>
    );
  }
  if (problem.scope === 'columns') return <>{t('screening.batch.errors.columns')}</>;
  if (problem.scope === 'list') return <>{t('screening.batch.errors.list')}</>;
  return (
    <Text span ff="monospace" size="sm">
      <Data ltr>{problem.field}</Data>
    </Text>
  );
}

/** Why the list was refused: each line's errors (the server checks every line before screening any), or the failure itself. */
function BatchProblems({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  if (isApiError(error) && error.status === 413) {
    return (
      <Alert color="red" variant="light" role="alert" data-testid="batch-errors">
        {t('screening.batch.tooLarge', { max: new Intl.NumberFormat(i18n.language).format(MAX_BATCH_LINES) })}
      </Alert>
    );
  }
  const errors = isApiError(error) && error.status === 422 ? (error.problem?.errors ?? []) : [];
  if (errors.length === 0) return <FormError error={error} />;
  const problems = batchProblems(t, errors);
  return (
    <Alert color="red" variant="light" role="alert" title={t('screening.batch.errors.title')} data-testid="batch-errors">
      <List size="sm">
        {problems.map((p, i) => (
          <List.Item key={`${p.field}-${i}`} data-testid="batch-error">
            <ProblemPlace problem={p} />
            {t('forms.summarySeparator')}
            <Bidi>{p.message}</Bidi>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/**
 * Screening a list: a passenger list or a cargo manifest, pasted as CSV or read from a .csv file
 * (in the browser: nothing is uploaded but the text, sent as `text/csv`). The list and its
 * answer stay in this component: never in the address nor in the history entry.
 */
export function BatchScreening() {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [result, setResult] = useState<BatchResult | null>(null);
  /** each answer shown afresh (nothing expanded, clear lines hidden) */
  const [answers, setAnswers] = useState(0);
  const reading = useRef(0);
  const batch = useBatchScreening();

  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setFileError(null);
    const turn = ++reading.current;
    if (!chosen) return;
    if (chosen.size > MAX_FILE_BYTES) {
      setFileError(t('screening.batch.tooLarge', { max: new Intl.NumberFormat(i18n.language).format(MAX_BATCH_LINES) }));
      return;
    }
    try {
      const content = await chosen.text();
      // a file chosen since wins
      if (turn !== reading.current) return;
      setText(content);
      setMissing(false);
    } catch {
      if (turn === reading.current) setFileError(t('screening.batch.fileUnreadable'));
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    batch.reset();
    if (!hasBatchText(text)) {
      setMissing(true);
      setResult(null);
      document.getElementById(TEXT_ID)?.focus();
      return;
    }
    setMissing(false);
    batch.mutate(batchBody(text), {
      onSuccess: (answer) => {
        setResult(answer);
        setAnswers((n) => n + 1);
      },
      onError: () => setResult(null),
    });
  };

  const clearAll = () => {
    reading.current += 1;
    batch.reset();
    setText('');
    setFile(null);
    setFileError(null);
    setMissing(false);
    setResult(null);
  };

  const max = new Intl.NumberFormat(i18n.language).format(MAX_BATCH_LINES);
  const help: ReactNode = (
    <>
      {t('screening.batch.textHelp', { max })} {t('screening.batch.columns')}{' '}
      <Data ltr>{BATCH_COLUMNS.join(', ')}</Data>
    </>
  );
  return (
    <Stack>
      <Paper withBorder p="md" component="form" onSubmit={submit} noValidate data-testid="batch-form" aria-label={t('screening.batch.formLabel')}>
        <Stack>
          <Textarea
            id={TEXT_ID}
            label={t('screening.batch.text')}
            description={help}
            placeholder={PLACEHOLDER}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              if (missing) setMissing(false);
            }}
            error={missing ? t('screening.batch.missing') : undefined}
            autosize
            minRows={6}
            maxRows={16}
            spellCheck={false}
            autoComplete="off"
            translate="no"
            dir="ltr"
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', whiteSpace: 'pre', overflowX: 'auto' } }}
            data-testid="batch-text"
          />
          <FileInput
            label={t('screening.batch.file')}
            description={t('screening.batch.fileHelp')}
            value={file}
            onChange={(f) => void choose(f)}
            accept=".csv,text/csv"
            clearable
            leftSection={<IconFileTypeCsv size={16} aria-hidden />}
            error={fileError}
            maw={420}
            data-testid="batch-file"
          />
          <BatchProblems error={batch.error} />
          <Group justify="flex-end">
            {(text !== '' || result) && (
              <Button variant="default" onClick={clearAll}>
                {t('screening.batch.clear')}
              </Button>
            )}
            <Button type="submit" loading={batch.isPending} leftSection={<IconListSearch size={16} aria-hidden />}>
              {t('screening.batch.submit')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <Text size="xs" c="dimmed" data-testid="batch-audit-note">
        {t('screening.batch.auditNote')}
      </Text>
      <VisuallyHidden role="status" aria-live="polite">
        {result
          ? `${t('screening.batch.screened', { count: result.counts.lines })} ${OUTCOMES.map((o) => t(`screening.batch.counts.${o}`, { count: result.counts[o] })).join(t('common.listSeparator'))}.`
          : ''}
      </VisuallyHidden>
      {result && (
        <Stack gap="sm" data-testid="batch-answer">
          <Title order={2} size="h4">
            {t('screening.batch.results.title')}
          </Title>
          <BatchResults key={answers} result={result} />
        </Stack>
      )}
    </Stack>
  );
}
