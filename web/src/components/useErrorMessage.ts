import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/errors';

/** Message for an error thrown by a query or mutation. */
export function useErrorMessage() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (!isApiError(error)) return t('errors.unexpected');
    if (error.status === 0) return t('errors.network');
    const byCode = error.code ? t(`errors.codes.${error.code}`, { defaultValue: '' }) : '';
    if (error.status === 422 || error.status === 409 || error.status === 400) {
      return error.problem?.detail || byCode || t('errors.unexpected');
    }
    return byCode || error.problem?.detail || error.problem?.title || t('errors.unexpected');
  };
}
