import type { ReactNode } from 'react';
import { ActionIcon, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CodeSelect } from '@/components/CodeSelect';
import { emptyDocument, type DocumentValues } from '@/lib/persons';

/** What the rows need of a Mantine form (`useForm`'s return value, whatever its values). */
export interface DocumentRowsForm {
  errors: Record<string, ReactNode>;
  getInputProps(path: string): GetInputPropsReturnType;
  insertListItem(path: string, item: DocumentValues): void;
  removeListItem(path: string, index: number): void;
}

/** Identifiers are typed in monospace (the input only, not its label or messages). */
const MONO = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

/**
 * The identity documents of a person being entered, a row each: type (`document_types`),
 * number, issuing country (`countries`) and, unless `withExpiry` is false, expiry date.
 * `path` is where the list is in the form's values (`documents`, `persons.0.person.documents`);
 * `elementId` gives the list and each row an element id, for an error summary to link to.
 */
export function DocumentRows({
  form,
  documents,
  path = 'documents',
  withExpiry = true,
  elementId,
}: {
  form: DocumentRowsForm;
  documents: readonly DocumentValues[];
  path?: string;
  withExpiry?: boolean;
  elementId?: (path: string) => string;
}) {
  const { t } = useTranslation();
  const d = (i: number, f: string) => `${path}.${i}.${f}`;
  return (
    <Stack gap="sm">
      {form.errors[path] && (
        <Text c="red.8" size="sm" role="alert" id={elementId?.(path)}>
          {form.errors[path]}
        </Text>
      )}
      {documents.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('registers.noIdentifiers')}
        </Text>
      )}
      {documents.map((doc, i) => (
        <Paper key={doc.key} withBorder p="sm" component="fieldset" style={{ margin: 0 }} data-testid="document-fields" id={elementId?.(`${path}.${i}`)}>
          <Group justify="space-between" mb="xs">
            <Text component="legend" fw={600} size="sm" style={{ float: 'inline-start', padding: 0 }}>
              {t('registers.edit.documentN', { n: i + 1 })}
            </Text>
            <ActionIcon variant="subtle" color="red.9" onClick={() => form.removeListItem(path, i)} aria-label={t('registers.edit.removeDocument', { n: i + 1 })}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
          {form.errors[`${path}.${i}`] && (
            <Text c="red.8" size="sm" role="alert" mb="xs">
              {form.errors[`${path}.${i}`]}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2, lg: withExpiry ? 4 : 3 }} spacing="sm">
            <CodeSelect list="document_types" label={t('registers.edit.documentType')} withAsterisk {...form.getInputProps(d(i, 'document_type'))} />
            <TextInput label={t('registers.document.number')} withAsterisk styles={MONO} {...form.getInputProps(d(i, 'number'))} />
            <CodeSelect list="countries" label={t('registers.document.country')} {...form.getInputProps(d(i, 'issuing_country'))} />
            {withExpiry && <TextInput type="date" label={t('registers.document.expires')} {...form.getInputProps(d(i, 'expires_on'))} />}
          </SimpleGrid>
        </Paper>
      ))}
      <Group>
        <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => form.insertListItem(path, emptyDocument())}>
          {t('registers.edit.addDocument')}
        </Button>
      </Group>
    </Stack>
  );
}
