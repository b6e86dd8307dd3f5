import { useMemo, useState } from 'react';
import { Badge, Code, Group, Paper, SegmentedControl, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconEyeOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Data } from '@/components/Bidi';
import type { FieldRule } from '../api/exchange';
import { displayValue, documentReference, documentRows, isBlank, type FieldRow } from '../lib/fields';
import { FieldClassBadge } from './parts';

type Show = 'all' | 'sent' | 'withheld';

const NO_TRUNCATE = {
  root: { flexShrink: 0, minWidth: 'max-content', overflow: 'visible' },
  label: { overflow: 'visible', textOverflow: 'clip' },
} as const;

/**
 * One case as it would leave: field by field (each classified field, with its value where it
 * leaves, and the withheld ones marked as not leaving), and the document itself as JSON.
 */
export function PreviewDocument({ doc, fields, index }: { doc: unknown; fields: readonly FieldRule[]; index: number }) {
  const { t } = useTranslation();
  const [show, setShow] = useState<Show>('all');
  const [tab, setTab] = useState<string | null>('fields');
  const rows = useMemo(() => documentRows(doc, fields), [doc, fields]);
  const reference = documentReference(doc);
  const sent = rows.filter((r) => r.sent && !isBlank(r.value)).length;
  const withheld = rows.filter((r) => !r.sent).length;
  const shown = rows.filter((r) => show === 'all' || (show === 'sent' ? r.sent : !r.sent));
  const titleId = `preview-doc-${index}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId} data-testid="preview-document" data-reference={reference ?? undefined}>
      <Group justify="space-between" align="flex-start" mb="xs">
        <Stack gap={2}>
          <Title order={3} size="h5" id={titleId}>
            {reference ? (
              <>
                {t('exchange:preview.document.title')} <Data>{reference}</Data>
              </>
            ) : (
              t('exchange:preview.document.untitled', { n: index + 1 })
            )}
          </Title>
          <Text size="sm" c="dimmed" data-testid="document-counts">
            {t('exchange:preview.document.counts', { sent, withheld })}
          </Text>
        </Stack>
      </Group>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="fields">{t('exchange:preview.document.fields')}</Tabs.Tab>
          <Tabs.Tab value="json">{t('exchange:preview.document.json')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="fields" pt="sm">
          <Stack gap="xs">
            <SegmentedControl
              size="xs"
              value={show}
              onChange={(v) => setShow(v as Show)}
              aria-label={t('exchange:preview.document.show')}
              data={[
                { value: 'all', label: t('exchange:preview.document.all') },
                { value: 'sent', label: t('exchange:preview.document.sentOnly') },
                { value: 'withheld', label: t('exchange:preview.document.withheldOnly') },
              ]}
              style={{ alignSelf: 'flex-start' }}
            />
            <Table.ScrollContainer minWidth={720}>
              <Table
                striped
                aria-label={t('exchange:preview.document.tableLabel', { reference: reference ?? String(index + 1) })}
                data-testid="document-fields"
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('exchange:preview.columns.path')}</Table.Th>
                    <Table.Th scope="col">{t('exchange:preview.columns.value')}</Table.Th>
                    <Table.Th scope="col">{t('exchange:preview.columns.class')}</Table.Th>
                    <Table.Th scope="col">{t('exchange:preview.columns.sent')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((r) => (
                    <FieldRowView key={r.path} row={r} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="json" pt="sm">
          <Code
            block
            dir="ltr"
            translate="no"
            data-testid="document-json"
            aria-label={t('exchange:preview.document.jsonLabel', { reference: reference ?? String(index + 1) })}
            style={{ maxHeight: 480, overflow: 'auto' }}
          >
            {JSON.stringify(doc, null, 2)}
          </Code>
        </Tabs.Panel>
      </Tabs>
    </Paper>
  );
}

function FieldRowView({ row }: { row: FieldRow }) {
  const { t } = useTranslation();
  const value = displayValue(row.value, t('common.listSeparator'));
  return (
    <Table.Tr
      data-path={row.path}
      data-sent={row.sent ? 'true' : 'false'}
      style={row.sent ? undefined : { background: 'var(--mantine-color-red-0)' }}
    >
      <Table.Td>
        <Code dir="ltr" translate="no" style={row.sent ? undefined : { textDecoration: 'line-through' }}>
          {row.path}
        </Code>
      </Table.Td>
      <Table.Td style={{ wordBreak: 'break-word' }} data-testid="field-value">
        {!row.sent ? (
          <Text size="sm" c="red.9" fs="italic">
            {t('exchange:preview.withheldValue')}
          </Text>
        ) : value ? (
          <Text size="sm">
            <Data>{value}</Data>
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('exchange:preview.noValue')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <FieldClassBadge value={row.class} />
      </Table.Td>
      <Table.Td data-testid="field-sent">
        {row.sent ? (
          <Badge size="sm" color="#1b6e31" variant="light" tt="none" styles={NO_TRUNCATE} leftSection={<IconCircleCheck size={12} aria-hidden />}>
            {t('exchange:preview.sent')}
          </Badge>
        ) : (
          <Badge size="sm" color="red.9" variant="filled" tt="none" styles={NO_TRUNCATE} leftSection={<IconEyeOff size={12} aria-hidden />}>
            {t('exchange:preview.withheld')}
          </Badge>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
