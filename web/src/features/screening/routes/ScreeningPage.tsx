import { useState, type FormEvent } from 'react';
import { Button, Group, Paper, SegmentedControl, Stack, Tabs, Text, Title, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconList, IconUser, IconUserSearch } from '@tabler/icons-react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/errors';
import { FormProblems } from '@/components/FormProblems';
import { PageHeader } from '@/components/PageHeader';
import { placeServerErrors } from '@/lib/forms';
import { focusFirstError } from '@/lib/formErrors';
import { useScreening, type ScreeningResult } from '../api/screening';
import { BatchScreening } from '../components/BatchScreening';
import { CompanyFields, PersonFields } from '../components/QueryFields';
import { ScreeningResults } from '../components/ScreeningResults';
import {
  emptyScreeningForm,
  screeningErrorPaths,
  screeningFieldErrorMessage,
  screeningRequest,
  SUBJECTS,
  validateScreening,
  type ScreeningFormValues,
  type Subject,
} from '../lib/screeningForm';

/**
 * The last screening of this page, kept in the browser history entry (not the address: it
 * holds personal data, and must not run again on a reload or a shared link, each screening
 * being recorded in the audit trail). Back from a record shows the query and its answer again.
 */
interface Saved {
  subject: Subject;
  values: ScreeningFormValues;
  result: ScreeningResult;
}

function savedScreening(state: unknown): Saved | null {
  const s = (state as { screening?: Partial<Saved> } | null)?.screening;
  if (!s || !s.values?.person || !s.values.company || !s.result?.candidates || !SUBJECTS.includes(s.subject as Subject)) return null;
  return s as Saved;
}

/** One person or company at hand, or a list (a passenger list, a cargo manifest). */
type Mode = 'single' | 'list';
const MODES: readonly Mode[] = ['single', 'list'];

/**
 * Screening: checks a person or a company at hand (a passenger at the desk) against the
 * registers, or a whole list (see `BatchScreening`). The mode (`?mode=list`) and the subject
 * (person or company) are in the address (`?subject=company`); the query and the last answer
 * of a single check are kept in the history entry (see `Saved`); a list and its answer only
 * in the page.
 */
export function ScreeningPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const mode: Mode = params.get('mode') === 'list' ? 'list' : 'single';
  const subject: Subject = params.get('subject') === 'company' ? 'company' : 'person';
  const [saved] = useState(() => savedScreening(location.state));
  const [result, setResult] = useState<ScreeningResult | null>(saved && saved.subject === subject ? saved.result : null);
  const [unplaced, setUnplaced] = useState<{ field: string; message: string }[]>([]);
  const form = useForm<ScreeningFormValues>({ mode: 'controlled', initialValues: saved?.values ?? emptyScreeningForm() });
  const screening = useScreening();

  const switchTo = (next: Subject) => {
    if (next === subject) return;
    screening.reset();
    setResult(null);
    setUnplaced([]);
    form.clearErrors();
    // a new history state too: the answer kept belongs to the other subject
    setParams(next === 'company' ? { subject: 'company' } : {}, { replace: true });
  };

  const switchMode = (next: Mode) => {
    if (next === mode) return;
    const search = new URLSearchParams(params);
    if (next === 'list') search.set('mode', 'list');
    else search.delete('mode');
    // the single check's last answer stays in the history entry
    setParams(search, { replace: true, state: location.state });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    screening.reset();
    setUnplaced([]);
    const values = form.values;
    const invalid = validateScreening(subject, values);
    if (Object.keys(invalid).length > 0) {
      form.setErrors(Object.fromEntries(Object.entries(invalid).map(([k, key]) => [k, t(key)])));
      setTimeout(() => focusFirstError('screening', Object.keys(invalid)));
      return;
    }
    form.clearErrors();
    screening.mutate(screeningRequest(subject, values), {
      onSuccess: (answer) => {
        setResult(answer);
        void navigate(
          { pathname: location.pathname, search: location.search },
          { replace: true, state: { screening: { subject, values, result: answer } satisfies Saved } },
        );
      },
      onError: (e) => {
        setResult(null);
        if (isApiError(e) && e.problem?.errors?.length) {
          const placed = placeServerErrors(
            e.problem.errors.map((x) => ({ ...x, message: screeningFieldErrorMessage(t, x) })),
            screeningErrorPaths(values),
          );
          form.setErrors(placed.fields);
          setUnplaced(placed.unplaced);
          setTimeout(() => focusFirstError('screening', Object.keys(placed.fields)));
        }
      },
    });
  };

  const errorCount = Object.keys(form.errors).length;
  return (
    <Stack>
      <PageHeader title={t('screening.title')} description={t('screening.description')} />
      <Tabs value={mode} onChange={(v) => v && switchMode(v as Mode)}>
        <Tabs.List aria-label={t('screening.mode.label')}>
          {MODES.map((m) => (
            <Tabs.Tab key={m} value={m} leftSection={m === 'list' ? <IconList size={16} aria-hidden /> : <IconUser size={16} aria-hidden />}>
              {t(`screening.mode.${m}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="single" pt="md">
          <Stack>
            <Paper withBorder p="md" component="form" onSubmit={submit} noValidate data-testid="screening-form" aria-label={t('screening.formLabel')}>
              <Stack>
                <SegmentedControl
                  aria-label={t('screening.subject.label')}
                  style={{ alignSelf: 'flex-start' }}
                  value={subject}
                  onChange={(v) => switchTo(v as Subject)}
                  data={SUBJECTS.map((s) => ({ value: s, label: t(`screening.subject.${s}`) }))}
                />
                {subject === 'person' ? <PersonFields form={form} /> : <CompanyFields form={form} />}
                <FormProblems error={screening.error} errorCount={errorCount} unplaced={unplaced} />
                <Group justify="flex-end">
                  <Button type="submit" loading={screening.isPending} leftSection={<IconUserSearch size={16} aria-hidden />}>
                    {t('screening.submit')}
                  </Button>
                </Group>
              </Stack>
            </Paper>
            <Text size="xs" c="dimmed" data-testid="screening-audit-note">
              {t('screening.auditNote')}
            </Text>
            <VisuallyHidden role="status" aria-live="polite">
              {result ? t('screening.found', { count: result.candidates.length }) : ''}
            </VisuallyHidden>
            {result && (
              <Stack gap="sm" data-testid="screening-answer">
                <Title order={2} size="h4">
                  {t('screening.results.title')}
                </Title>
                <ScreeningResults result={result} />
              </Stack>
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="list" pt="md">
          <BatchScreening />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
