import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError, isStale } from '@/api/errors';
import { FormError } from './states';
import { StaleVersionAlert } from './StaleVersionAlert';

/**
 * What went wrong with a form submission, under the form: how many fields need attention,
 * server errors that have no field to show them at, and the failure itself — a 412 offers
 * "Reload latest version", a 422 whose errors are all shown at fields says nothing more.
 */
export function FormProblems({
  error,
  errorCount,
  unplaced = [],
  onReload,
}: {
  error: unknown;
  errorCount: number;
  unplaced?: readonly { field: string; message: string }[];
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {errorCount > 0 && (
        <Alert color="red" variant="light" role="alert" data-testid="form-invalid">
          {t('forms.fixErrors', { count: errorCount })}
        </Alert>
      )}
      {unplaced.length > 0 && (
        <Alert color="red" variant="light" role="alert">
          <List size="sm">
            {unplaced.map((u) => (
              <List.Item key={u.field}>
                <Text span ff="monospace" size="sm">
                  {u.field}
                </Text>
                : {u.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {isStale(error) ? (
        <StaleVersionAlert onReload={() => onReload?.()} />
      ) : error && !(isApiError(error) && error.status === 422 && errorCount + unplaced.length > 0) ? (
        <FormError error={error} />
      ) : null}
    </>
  );
}
