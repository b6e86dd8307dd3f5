import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Group, Input, NativeSelect, Paper, Progress, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import '@/i18n/imports';
import { isApiError } from '@/api/errors';
import { FormProblems } from '@/components/FormProblems';
import { useUploadImport, type ImportFormat, type ImportMode, type RecordType } from '../api/imports';
import { FORMATS, formatOfName, MODES, RECORD_TYPES } from '../lib/status';

const ACCEPT =
  '.ndjson,.jsonl,.json,.csv,.xlsx,application/x-ndjson,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_SOURCE = 100;

/** A key for `Idempotency-Key`, one per upload (`getRandomValues` works without a secure context). */
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The server's field error codes this form says in the UI language (`wrong_type`: of the format sent). */
function fieldKey(field: keyof Errors, code: string, format: ImportFormat): string | undefined {
  const keys: Record<keyof Errors, Record<string, string>> = {
    file: { wrong_type: `imports:upload.errors.wrongType.${format}`, empty: 'imports:upload.errors.empty', required: 'imports:upload.errors.fileRequired' },
    source_system: { length: 'imports:upload.errors.sourceLength', required: 'imports:upload.errors.sourceRequired' },
  };
  return keys[field][code];
}

interface Errors {
  file?: string;
  source_system?: string;
}

/**
 * The upload of a file to import: the file, its format (NDJSON, CSV or an XLSX workbook: taken
 * from the file's extension until chosen by hand), what it holds, the system it comes from, the
 * mode and whether it is only checked (a dry run, the default). Shows the upload's progress,
 * then opens the job's page.
 */
export function UploadForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const upload = useUploadImport();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat>('ndjson');
  // whether the format was chosen by hand: then a new file no longer changes it
  const [formatChosen, setFormatChosen] = useState(false);
  const [recordType, setRecordType] = useState<RecordType>('persons');
  const [source, setSource] = useState('');
  const [mode, setMode] = useState<ImportMode>('valid_rows');
  const [dryRun, setDryRun] = useState(true);
  const [progress, setProgress] = useState<number | null>(null);
  const [local, setLocal] = useState<Errors>({});

  // the server's refusals, at their fields where they have one
  const error = upload.error;
  const server: Errors = {};
  const unplaced: { field: string; message: string }[] = [];
  if (isApiError(error)) {
    if (error.status === 413) server.file = t('imports:upload.errors.tooLarge');
    for (const e of error.problem?.errors ?? []) {
      const field = e.field as keyof Errors;
      if (field === 'file' || field === 'source_system') {
        const key = e.code ? fieldKey(field, e.code, upload.variables?.settings.format ?? format) : undefined;
        server[field] ??= key ? t(key) : e.message || e.code;
      } else unplaced.push({ field: e.field, message: e.message || e.code });
    }
  }
  const errors: Errors = { ...server, ...local };
  const placed = Object.values(errors).filter(Boolean).length;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Errors = {};
    const trimmed = source.trim();
    if (!file) found.file = t('imports:upload.errors.fileRequired');
    if (!trimmed) found.source_system = t('imports:upload.errors.sourceRequired');
    else if (trimmed.length > MAX_SOURCE) found.source_system = t('imports:upload.errors.sourceLength');
    setLocal(found);
    if (!file || Object.keys(found).length > 0) return;
    upload.reset();
    setProgress(0);
    upload.mutate(
      { settings: { file, format, record_type: recordType, source_system: trimmed, mode, dry_run: dryRun }, onProgress: setProgress, key: newKey() },
      {
        onSuccess: (job) => void navigate(`/imports/${job.id}`),
        onSettled: () => setProgress(null),
      },
    );
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="import-upload-title">
      <form onSubmit={submit} noValidate data-testid="import-upload-form">
        <Stack gap="sm">
          <Title order={2} size="h4" id="import-upload-title">
            {t('imports:upload.title')}
          </Title>
          <Input.Wrapper
            label={t('imports:upload.file')}
            description={t(`imports:upload.fileHelp.${format}`)}
            error={errors.file}
            withAsterisk
            id="import-file-wrapper"
            labelProps={{ htmlFor: 'import-file' }}
          >
            <input
              id="import-file"
              type="file"
              accept={ACCEPT}
              data-testid="import-file"
              aria-invalid={!!errors.file}
              style={{ display: 'block', marginTop: 4 }}
              onChange={(e) => {
                const chosen = e.currentTarget.files?.[0] ?? null;
                setFile(chosen);
                if (chosen && !formatChosen) setFormat(formatOfName(chosen.name));
                setLocal((l) => ({ ...l, file: undefined }));
              }}
            />
          </Input.Wrapper>
          <NativeSelect
            label={t('imports:upload.format')}
            value={format}
            onChange={(e) => {
              setFormat(e.currentTarget.value as ImportFormat);
              setFormatChosen(true);
            }}
            data={FORMATS.map((f) => ({ value: f, label: t(`imports:formats.${f}`) }))}
            data-testid="import-format"
          />
          <Group grow align="flex-start">
            <NativeSelect
              label={t('imports:upload.recordType')}
              description={recordType === 'cases' ? t(format === 'ndjson' ? 'imports:upload.casesHelp' : 'imports:upload.casesHelpColumns') : undefined}
              value={recordType}
              onChange={(e) => setRecordType(e.currentTarget.value as RecordType)}
              data={RECORD_TYPES.map((r) => ({ value: r, label: t(`imports:recordTypes.${r}`) }))}
              data-testid="import-record-type"
            />
            <TextInput
              label={t('imports:upload.sourceSystem')}
              description={t('imports:upload.sourceSystemHelp')}
              value={source}
              onChange={(e) => {
                setSource(e.currentTarget.value);
                setLocal((l) => ({ ...l, source_system: undefined }));
              }}
              error={errors.source_system}
              withAsterisk
              maxLength={MAX_SOURCE}
              data-testid="import-source-system"
            />
          </Group>
          <Radio.Group label={t('imports:upload.mode')} value={mode} onChange={(v) => setMode(v as ImportMode)}>
            <Stack gap="xs" mt={4}>
              {MODES.map((m) => (
                <Radio key={m} value={m} label={t(`imports:modes.${m}`)} description={t(`imports:modeHelp.${m}`)} data-testid={`import-mode-${m}`} />
              ))}
            </Stack>
          </Radio.Group>
          <Checkbox
            label={t('imports:upload.dryRun')}
            description={t('imports:upload.dryRunHelp')}
            checked={dryRun}
            onChange={(e) => setDryRun(e.currentTarget.checked)}
            data-testid="import-dry-run"
          />
          <FormProblems error={upload.error && !(isApiError(upload.error) && upload.error.status === 413) ? upload.error : null} errorCount={placed} unplaced={unplaced} />
          {progress !== null && (
            <Stack gap={2}>
              <Progress value={Math.round(progress * 100)} aria-label={t('imports:upload.progress', { percent: Math.round(progress * 100) })} data-testid="import-upload-progress" />
              <Text size="xs" c="dimmed" aria-live="polite">
                {t('imports:upload.progress', { percent: Math.round(progress * 100) })}
              </Text>
            </Stack>
          )}
          <Group>
            <Button type="submit" leftSection={<IconUpload size={16} aria-hidden />} loading={upload.isPending} data-testid="import-submit">
              {t('imports:upload.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
