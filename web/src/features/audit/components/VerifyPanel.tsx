import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/states';
import { useAuditVerification } from '../api/audit';

export function VerifyPanel() {
  const { t } = useTranslation();
  const verify = useAuditVerification();
  const result = verify.data;
  return (
    <Paper withBorder p="md" data-testid="audit-verify">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h5">
            {t('audit.verifyTitle')}
          </Title>
          <Button size="sm" variant="default" onClick={() => void verify.refetch()} loading={verify.isFetching}>
            {result ? t('audit.verifyAgain') : t('audit.verify')}
          </Button>
        </Group>
        {verify.isError && <ErrorState error={verify.error} />}
        {!result && !verify.isError && <Text size="sm" c="dimmed">{t('audit.verifyHelp')}</Text>}
        {result &&
          (result.ok ? (
            <Alert color="green" variant="light" icon={<IconShieldCheck aria-hidden />} title={t('audit.chainOk')} data-testid="verify-ok">
              {t('audit.chainOkBody', { checked: result.checked, pending: result.pending })}
            </Alert>
          ) : (
            <Alert color="red" variant="light" icon={<IconShieldX aria-hidden />} title={t('audit.chainBroken')} role="alert" data-testid="verify-broken">
              {result.first_broken
                ? t('audit.chainBrokenBody', {
                    seq: result.first_broken.seq,
                    id: result.first_broken.audit_id,
                    reason: result.first_broken.reason,
                  })
                : t('audit.chainBrokenUnknown')}
            </Alert>
          ))}
      </Stack>
    </Paper>
  );
}
