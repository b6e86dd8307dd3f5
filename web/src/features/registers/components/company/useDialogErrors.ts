import { useState } from 'react';
import type { UseMutationResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { profileErrors, type ProfileForm } from '@/features/registers/lib/companyProfile';

/**
 * The errors an add dialog shows: the server's refusal of `mutation` at its fields (`server`,
 * with those it has no field for), over which the dialog's own checks (`check`) are laid;
 * `changed()` forgets a refusal once the officer edits the form.
 */
export function useDialogErrors<D, E, V>(form: ProfileForm, mutation: UseMutationResult<D, E, V>, fields: readonly string[]) {
  const { t } = useTranslation();
  const [checked, check] = useState<Record<string, string>>({});
  const server = profileErrors(t, form, mutation.error, fields);
  const changed = () => {
    if (mutation.error) mutation.reset();
  };
  return { errors: { ...server.fields, ...checked }, server, check, changed };
}
