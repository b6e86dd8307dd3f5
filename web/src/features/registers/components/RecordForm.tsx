import { useState, type FormEvent, type ReactNode } from 'react';
import { Box, Button, Group, Stack } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/errors';
import { FormProblems } from '@/components/FormProblems';
import { placeServerErrors } from '@/lib/forms';
import { isEmptyPatch, mergePatch, type MergePatch } from '@/lib/patch';
import { registerFieldErrorMessage, type Errors } from '../lib/recordForms';

// Mantine's own constraint on form values (an interface has no index signature for `unknown`)
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Values = Record<string, any>;

export type RecordFormApi<V extends Values> = UseFormReturnType<V>;

/** How the form is sent: a merge patch of the changes (a correction), or the whole input (a new record). */
export type RecordSubmit<I, R> =
  | { save: (patch: MergePatch<I>) => Promise<R>; create?: undefined }
  | { create: (input: I) => Promise<R>; save?: undefined };

/**
 * The form of a register record: the client checks first, then — a correction — a merge patch
 * of only the changed fields, or — a new record — the whole input; the server's field errors
 * go to their fields (or the nearest enclosing part), a 412 offers "Reload latest version", a
 * 409 on a unique value is shown at `conflictField`.
 *
 * `embedded` renders a group rather than a `<form>`, for a form placed inside another one
 * (forms do not nest); its submit button is then a plain button. A submit never reaches an
 * enclosing form either way (React bubbles events through portals, e.g. out of a modal).
 */
export function RecordForm<V extends Values, I extends object, R = unknown>({
  initial,
  toInput,
  validate,
  errorPaths,
  onSaved,
  onCancel,
  onReload,
  conflictField,
  testId,
  submitLabel,
  embedded = false,
  children,
  ...submitter
}: {
  initial: V;
  toInput: (v: V) => I;
  validate: (v: V) => Errors;
  errorPaths: (v: V) => ReadonlySet<string>;
  onSaved: (result: R) => void;
  onCancel?: () => void;
  onReload?: () => void;
  conflictField?: string;
  testId: string;
  /** The submit button's text (default: "Save changes", or "Create record" for a new one). */
  submitLabel?: string;
  embedded?: boolean;
  children: (form: RecordFormApi<V>) => ReactNode;
} & RecordSubmit<I, R>) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [unplaced, setUnplaced] = useState<{ field: string; message: string }[]>([]);
  const [saving, setSaving] = useState(false);
  const form = useForm<V>({ mode: 'controlled', initialValues: initial });
  const creating = submitter.create !== undefined;
  const changed = creating || !isEmptyPatch(mergePatch(toInput(initial), toInput(form.values)));

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    event?.stopPropagation();
    setError(null);
    setUnplaced([]);
    const values = form.values;
    const invalid = validate(values);
    if (Object.keys(invalid).length > 0) {
      form.setErrors(Object.fromEntries(Object.entries(invalid).map(([k, key]) => [k, t(key)])));
      return;
    }
    form.clearErrors();
    setSaving(true);
    try {
      const result =
        submitter.create !== undefined
          ? await submitter.create(toInput(values))
          : await submitter.save(mergePatch(toInput(initial), toInput(values)));
      form.resetDirty();
      onSaved(result);
    } catch (e) {
      setError(e);
      if (isApiError(e) && e.problem?.errors?.length) {
        const placed = placeServerErrors(
          e.problem.errors.map((x) => ({ ...x, message: registerFieldErrorMessage(t, x) })),
          errorPaths(values),
        );
        form.setErrors(placed.fields);
        setUnplaced(placed.unplaced);
      } else if (isApiError(e) && e.status === 409 && conflictField) {
        form.setFieldError(conflictField, e.message);
      }
    } finally {
      setSaving(false);
    }
  };

  const errorCount = Object.keys(form.errors).length;
  const conflictShown = isApiError(error) && error.status === 409 && !!conflictField;
  const body = (
    <Stack>
      {children(form)}
      <FormProblems error={conflictShown ? null : error} errorCount={errorCount} unplaced={unplaced} onReload={onReload} />
      <Group justify="flex-end">
        {onCancel && (
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
        <Button
          type={embedded ? 'button' : 'submit'}
          onClick={embedded ? () => void submit() : undefined}
          loading={saving}
          disabled={!changed}
        >
          {submitLabel ?? (creating ? t('registers.create.submit') : t('common.save'))}
        </Button>
      </Group>
    </Stack>
  );
  return embedded ? (
    <Box role="group" data-testid={testId}>
      {body}
    </Box>
  ) : (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid={testId}>
      {body}
    </form>
  );
}
