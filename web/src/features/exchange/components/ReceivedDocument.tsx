import { useMemo, useState } from 'react';
import { Badge, Code, Group, Paper, Table, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Data } from '@/components/Bidi';
import { displayValue, documentReference, leaves } from '../lib/fields';
import { receivedFiles, type ReceivedCase } from '../lib/received';
import { ProvenanceBadge } from './parts';
import { ReceivedFiles } from './ReceivedFiles';

/**
 * One case exactly as a partner sent it: marked as received from that partner, value by value
 * (each with its place in the document), the document itself as JSON, and the files it lists
 * (photos, X-rays, documents), read from `filesBase` (`inboxFilesBase(packageId)` or
 * `receivedFilesBase(receivedCaseId)` from ../api/files) only once their tab is open. Nothing
 * of it is this node's until imported.
 */
export function ReceivedDocument({
  item,
  partner,
  index,
  filesBase,
}: {
  item: ReceivedCase;
  partner: string;
  index: number;
  /** where the files the document lists are read from, by SHA-256: `${filesBase}/${sha256}` */
  filesBase: string;
}) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('fields');
  const rows = useMemo(() => leaves(item.document), [item.document]);
  const files = useMemo(() => receivedFiles(item.document), [item.document]);
  const reference = item.reference ?? documentReference(item.document);
  const titleId = `received-doc-${index}`;
  const sep = t('common.listSeparator');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId} data-testid="received-document" data-reference={reference ?? undefined}>
      <Group justify="space-between" align="flex-start" mb="xs">
        <Group gap="xs">
          <Title order={3} size="h5" id={titleId}>
            {reference ? (
              <>
                {t('exchange:inbox.document.title')} <Data>{reference}</Data>
              </>
            ) : (
              t('exchange:inbox.document.untitled', { n: index + 1 })
            )}
          </Title>
          {item.version != null && (
            <Badge size="sm" variant="outline" color="gray.8" tt="none">
              {t('common.version', { version: item.version })}
            </Badge>
          )}
        </Group>
        <ProvenanceBadge partner={partner} />
      </Group>
      {/* the files' tab only while the document lists files (a new read may list none) */}
      <Tabs value={tab === 'files' && files.length === 0 ? 'fields' : tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="fields">{t('exchange:inbox.document.fields')}</Tabs.Tab>
          <Tabs.Tab value="json">{t('exchange:inbox.document.json')}</Tabs.Tab>
          {files.length > 0 && <Tabs.Tab value="files">{t('exchange:inbox.document.filesTab', { count: files.length })}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="fields" pt="sm">
          {rows.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('exchange:inbox.document.empty')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table
                striped
                aria-label={t('exchange:inbox.document.tableLabel', { reference: reference ?? String(index + 1) })}
                data-testid="received-fields"
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('exchange:inbox.document.columns.path')}</Table.Th>
                    <Table.Th scope="col">{t('exchange:inbox.document.columns.value')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.path} data-path={r.path}>
                      <Table.Td style={{ width: '35%' }}>
                        <Code dir="ltr" translate="no">
                          {r.path}
                        </Code>
                      </Table.Td>
                      <Table.Td style={{ wordBreak: 'break-word' }} data-testid="field-value">
                        <Text size="sm">
                          <Data>{displayValue(r.value, sep)}</Data>
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="json" pt="sm">
          <Code
            block
            dir="ltr"
            translate="no"
            data-testid="received-json"
            aria-label={t('exchange:inbox.document.jsonLabel', { reference: reference ?? String(index + 1) })}
            style={{ maxHeight: 480, overflow: 'auto' }}
          >
            {JSON.stringify(item.document, null, 2)}
          </Code>
        </Tabs.Panel>
        {files.length > 0 && (
          <Tabs.Panel value="files" pt="sm">
            <ReceivedFiles
              files={files}
              filesBase={filesBase}
              label={t('exchange:inbox.document.files.label', { reference: reference ?? String(index + 1) })}
            />
          </Tabs.Panel>
        )}
      </Tabs>
    </Paper>
  );
}
