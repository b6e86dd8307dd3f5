import type { MouseEvent } from 'react';
import { Alert, Anchor, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError, isStale } from '@/api/errors';
import { Bidi, Data } from './Bidi';
import { FormError } from './states';
import { StaleVersionAlert } from './StaleVersionAlert';

/** A field error as the error summary lists it. */
export interface FieldProblem {
  /** The form path (`goods.1.quantity`). */
  path: string;
  /** The field as the user sees it ("Goods item 2 · Quantity"). */
  label: string;
  message: string;
}

/**
 * What went wrong with a form submission: how many fields need attention — with, when
 * `fields` is given, a link to each that moves to it (`onJump`) — server errors that have no
 * field to show them at, and the failure itself — a 412 offers "Reload latest version", a 422
 * whose errors are all shown at fields says nothing more. With `id`, the whole block can be
 * focused (a failure with no field to move to).
 */
export function FormProblems({
  error,
  errorCount,
  unplaced = [],
  onReload,
  fields,
  fieldHref,
  onJump,
  id,
}: {
  error: unknown;
  errorCount: number;
  unplaced?: readonly { field: string; message: string }[];
  onReload?: () => void;
  fields?: readonly FieldProblem[];
  /** The link target of a field (`#` + its element id). */
  fieldHref?: (path: string) => string;
  onJump?: (path: string) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const jump = (path: string) => (e: MouseEvent) => {
    if (!onJump) return;
    e.preventDefault();
    onJump(path);
  };
  const general = isStale(error) ? (
    <StaleVersionAlert onReload={() => onReload?.()} />
  ) : error && !(isApiError(error) && error.status === 422 && errorCount + unplaced.length > 0) ? (
    <FormError error={error} />
  ) : null;
  if (errorCount === 0 && unplaced.length === 0 && !general) return null;
  return (
    <Stack gap="sm" id={id} tabIndex={id ? -1 : undefined} data-testid="form-problems">
      {errorCount > 0 && (
        <Alert color="red" variant="light" role="alert" data-testid="form-invalid">
          <Text size="sm" fw={fields?.length ? 600 : undefined}>
            {t('forms.fixErrors', { count: errorCount })}
          </Text>
          {fields && fields.length > 0 && (
            <List size="sm" mt={4} data-testid="form-error-summary" aria-label={t('forms.summaryLabel')}>
              {fields.map((f) => (
                <List.Item key={f.path}>
                  <Anchor href={fieldHref?.(f.path) ?? '#'} onClick={jump(f.path)} size="sm" underline="always">
                    {f.label}
                  </Anchor>
                  {t('forms.summarySeparator')}
                  {f.message}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      {unplaced.length > 0 && (
        <Alert color="red" variant="light" role="alert">
          <List size="sm">
            {unplaced.map((u) => (
              <List.Item key={u.field}>
                <Text span ff="monospace" size="sm">
                  <Data ltr>{u.field}</Data>
                </Text>
                {t('forms.summarySeparator')}
                <Bidi>{u.message}</Bidi>
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {general}
    </Stack>
  );
}
