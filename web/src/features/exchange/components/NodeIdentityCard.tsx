import { ActionIcon, Alert, Code, CopyButton, Group, Paper, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCodeBook } from '@/api/queries/codelists';
import { Data } from '@/components/Bidi';
import { ErrorState, LoadingState } from '@/components/states';
import { useNodeIdentity } from '../api/exchange';

/** A value to hand over exactly (a key, a fingerprint): shown in full, left to right, with a copy button. */
export function CopyValue({ label, copyLabel, value, testId }: { label: string; copyLabel: string; value: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Code dir="ltr" translate="no" data-testid={testId} style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', flex: 1 }}>
          {value}
        </Code>
        <CopyButton value={value} timeout={2000}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t('exchange:node.copied') : copyLabel} withArrow>
              <ActionIcon variant="subtle" color={copied ? 'green.9' : 'gray'} onClick={copy} aria-label={copyLabel}>
                {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}

/** This node's exchange identity: what a liaison officer gives partner administrations out of band. */
export function NodeIdentityCard() {
  const { t } = useTranslation();
  const node = useNodeIdentity();
  const countries = useCodeBook('countries');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="node-identity-title" data-testid="node-identity">
      <Group gap="xs" mb="xs">
        <IconKey size={18} aria-hidden />
        <Title order={2} size="h4" id="node-identity-title">
          {t('exchange:node.title')}
        </Title>
      </Group>
      {node.isPending ? (
        <LoadingState />
      ) : node.isError ? (
        <ErrorState error={node.error} onRetry={() => void node.refetch()} />
      ) : (
        <Stack gap="sm">
          <Alert variant="light" color="ncen" p="xs">
            <Text size="sm">{t('exchange:node.explanation')}</Text>
          </Alert>
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
            <Stack gap={2}>
              <Text size="xs" c="dimmed" fw={600}>
                {t('exchange:node.country')}
              </Text>
              <Text size="sm" data-testid="node-country">
                <Data>{countries.label(node.data.country)}</Data>
              </Text>
            </Stack>
            <CopyValue
              label={t('exchange:node.fingerprint')}
              copyLabel={t('exchange:node.copyFingerprint')}
              value={node.data.fingerprint}
              testId="node-fingerprint"
            />
            <CopyValue
              label={t('exchange:node.publicKey')}
              copyLabel={t('exchange:node.copyKey')}
              value={node.data.public_key}
              testId="node-public-key"
            />
          </SimpleGrid>
        </Stack>
      )}
    </Paper>
  );
}
