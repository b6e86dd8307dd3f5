import { useState, type FormEvent, type ReactNode } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/errors';
import { FormProblems } from '@/components/FormProblems';
import { fieldErrorMessage, placeServerErrors } from '@/lib/forms';
import { isEmptyPatch, mergePatch, type MergePatch } from '@/lib/patch';
import type { Errors } from '../lib/recordForms';

// Mantine's own constraint on form values (an interface has no index signature for `unknown`)
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Values = Record<string, any>;

export type RecordFormApi<V extends Values> = UseFormReturnType<V>;

/**
 * The edit form of a register record: the client checks first, then a merge patch of only the
 * changed fields; the server's field errors go to their fields (or the nearest enclosing part),
 * a 412 offers "Reload latest version", a 409 on a unique value is shown at `conflictField`.
 */
export function RecordForm<V extends Values, I extends object>({
  initial,
  toInput,
  validate,
  errorPaths,
  save,
  onSaved,
  onCancel,
  onReload,
  conflictField,
  testId,
  children,
}: {
  initial: V;
  toInput: (v: V) => I;
  validate: (v: V) => Errors;
  errorPaths: (v: V) => ReadonlySet<string>;
  save: (patch: MergePatch<I>) => Promise<unknown>;
  onSaved: () => void;
  onCancel: () => void;
  onReload: () => void;
  conflictField?: string;
  testId: string;
  children: (form: RecordFormApi<V>) => ReactNode;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [unplaced, setUnplaced] = useState<{ field: string; message: string }[]>([]);
  const [saving, setSaving] = useState(false);
  const form = useForm<V>({ mode: 'controlled', initialValues: initial });
  const patch = mergePatch(toInput(initial), toInput(form.values));
  const changed = !isEmptyPatch(patch);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
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
      await save(mergePatch(toInput(initial), toInput(values)));
      form.resetDirty();
      onSaved();
    } catch (e) {
      setError(e);
      if (isApiError(e) && e.problem?.errors?.length) {
        const placed = placeServerErrors(
          e.problem.errors.map((x) => ({ ...x, message: fieldErrorMessage(t, x) })),
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
  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid={testId}>
      <Stack>
        {children(form)}
        <FormProblems error={conflictShown ? null : error} errorCount={errorCount} unplaced={unplaced} onReload={onReload} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving} disabled={!changed}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
