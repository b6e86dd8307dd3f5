import type { ReactNode } from 'react';
import { Paper, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { CodeMultiSelect, CodeSelect } from '@/components/CodeSelect';
import { FREE_TEXT } from '@/components/freeText';
import { WATCH_TYPES, type WatchType } from '../api/types';
import { localInputValue, type ComposeValues } from '../lib/compose';
import { RegisterPicker } from './Pickers';

export function FormSection({ title, titleId, children }: { title: string; titleId?: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm" id={titleId}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** The warning template: what to watch, its route and timing, the risk indicators, what to do and by when to report. */
export function WarningFields({ form }: { form: UseFormReturnType<ComposeValues> }) {
  const { t } = useTranslation();
  const v = form.values.template;
  const input = (path: string) => form.getInputProps(`template.${path}`);
  return (
    <>
      <FormSection title={t('messaging.warning.watch')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('messaging.warning.watchType')}
              withAsterisk
              data={WATCH_TYPES.map((w) => ({ value: w, label: t(`messaging.watchTypes.${w}`) }))}
              comboboxProps={{ withinPortal: true }}
              {...input('watch.type')}
              onChange={(type) => {
                form.setFieldValue('template.watch.type', type as WatchType | null);
                form.setFieldValue('template.watch.register_id', null);
              }}
            />
            <TextInput label={t('messaging.warning.identifier')} description={t('messaging.compose.identifierHelp')} maxLength={100} {...input('watch.identifier')} />
          </SimpleGrid>
          <RegisterPicker
            type={v.watch.type}
            value={v.watch.register_id}
            onChange={(id) => form.setFieldValue('template.watch.register_id', id)}
            error={form.errors['template.watch.register_id']}
          />
          <Textarea
            label={t('messaging.compose.watchDescription')}
            description={t('messaging.compose.watchDescriptionHelp')}
            withAsterisk
            autosize
            minRows={2}
            {...FREE_TEXT}
            {...input('watch.description')}
          />
        </Stack>
      </FormSection>
      <FormSection title={t('messaging.warning.route')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <CodeSelect list="countries" label={t('messaging.warning.origin')} {...input('route.origin')} />
          <CodeMultiSelect list="countries" label={t('messaging.warning.transit')} maxValues={10} {...input('route.transit')} />
          <CodeSelect list="countries" label={t('messaging.warning.destination')} {...input('route.destination')} />
          <TextInput label={t('messaging.warning.place')} description={t('messaging.compose.placeHelp')} maxLength={200} {...input('route.place')} />
          <TextInput type="datetime-local" label={t('messaging.warning.expectedArrival')} {...input('expected_arrival')} />
        </SimpleGrid>
      </FormSection>
      <FormSection title={t('messaging.compose.request')}>
        <Stack gap="sm">
          <TagsInput
            label={t('messaging.warning.riskIndicators')}
            description={t('messaging.compose.riskHelp')}
            maxTags={20}
            splitChars={[]}
            clearable
            {...input('risk_indicators')}
          />
          <Textarea label={t('messaging.warning.actionRequested')} withAsterisk autosize minRows={2} {...FREE_TEXT} {...input('action_requested')} />
          <TextInput
            type="datetime-local"
            label={t('messaging.warning.feedbackDue')}
            description={t('messaging.compose.feedbackDueHelp')}
            withAsterisk
            min={localInputValue(new Date())}
            {...input('feedback_due')}
          />
        </Stack>
      </FormSection>
    </>
  );
}
