import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { CodeListEntry } from '@/api/types';
import { FormError } from '@/components/states';
import { applyServerErrors } from '@/lib/forms';
import { pickLabel } from '@/lib/format';
import { useCodeList, useCreateEntry, useUpdateEntry } from '../api/codelists';

interface Props {
  listName: string;
  parentList: string | null;
  /** editing an existing entry's labels when set; creating otherwise */
  entry: CodeListEntry | null;
  opened: boolean;
  onClose: () => void;
  onSaved: (code: string) => void;
}

export function EntryModal({ listName, parentList, entry, opened, onClose, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const create = useCreateEntry(listName);
  const update = useUpdateEntry(listName);
  const parents = useCodeList(parentList ?? '', false, !!parentList && opened && !entry);
  const [generalError, setGeneralError] = useState<unknown>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      code: entry?.code ?? '',
      label_en: entry?.labels.en ?? '',
      label_fr: entry?.labels.fr ?? '',
      label_ar: entry?.labels.ar ?? '',
      parent_code: entry?.parent_code ?? '',
    },
    validate: {
      code: (v) => (v.trim() ? null : t('validation.required')),
      label_en: (v) => (v.trim() ? null : t('validation.required')),
      parent_code: (v) => (parentList && !entry && !v ? t('validation.required') : null),
    },
  });

  const close = () => {
    form.reset();
    setGeneralError(null);
    onClose();
  };

  const onError = (err: unknown) => {
    const applied = applyServerErrors(form, err, ['code', 'label_en', 'label_fr', 'label_ar', 'parent_code'], {
      'labels.en': 'label_en',
      'labels.fr': 'label_fr',
      'labels.ar': 'label_ar',
      labels: 'label_en',
    });
    if (!applied) setGeneralError(err);
  };

  const submit = form.onSubmit((v) => {
    setGeneralError(null);
    const optional = { fr: v.label_fr.trim(), ar: v.label_ar.trim() };
    if (entry) {
      // a JSON merge patch: `null` removes a language, languages not named here stay as they are
      const labels = { en: v.label_en.trim(), fr: optional.fr || null, ar: optional.ar || null };
      update.mutate({ code: entry.code, changes: { labels } }, { onSuccess: () => onSaved(entry.code), onError });
    } else {
      const labels: { en: string; [lang: string]: string } = { en: v.label_en.trim() };
      for (const [lang, label] of Object.entries(optional)) if (label) labels[lang] = label;
      create.mutate(
        { code: v.code.trim(), labels, parent_code: v.parent_code || undefined },
        {
          onSuccess: (saved) => {
            form.reset();
            onSaved(saved.code);
          },
          onError,
        },
      );
    }
  });

  return (
    <Modal opened={opened} onClose={close} title={entry ? t('codelists.editEntry', { code: entry.code }) : t('codelists.addEntry')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={generalError} />
          <TextInput
            label={t('codelists.fields.code')}
            required
            disabled={!!entry}
            autoComplete="off"
            ff="monospace"
            {...form.getInputProps('code')}
          />
          <TextInput label={t('codelists.fields.labelEn')} lang="en" required {...form.getInputProps('label_en')} />
          <TextInput label={t('codelists.fields.labelFr')} lang="fr" {...form.getInputProps('label_fr')} />
          <TextInput label={t('codelists.fields.labelAr')} lang="ar" dir="rtl" {...form.getInputProps('label_ar')} />
          {parentList && !entry && (
            <Select
              label={t('codelists.fields.parentCode', { list: parentList })}
              required
              searchable
              data={(parents.data?.entries ?? []).map((e) => ({
                value: e.code,
                label: `${pickLabel(e.labels, i18n.language, e.code)} (${e.code})`,
              }))}
              placeholder={parents.isPending ? t('common.loading') : undefined}
              nothingFoundMessage={t('common.nothingFound')}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('parent_code')}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {entry ? t('common.save') : t('codelists.addEntrySubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
