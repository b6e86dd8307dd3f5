import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconLink, IconLinkOff } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/errors';
import { useMe } from '@/api/queries/me';
import { Data } from '@/components/Bidi';
import { FormError } from '@/components/states';
import { formatDateTime } from '@/lib/format';
import { can } from '@/lib/permissions';
import { isWithdrawnError, type PartyLink } from '../api/links';
import { recordPath } from '../lib/matching';
import { exchangeFieldMessage } from '../lib/problems';

/**
 * "Linked to <record>": the register record the party was linked to (a link to its page for
 * whoever may read the registers), who linked it and when, and the way to take it back.
 */
export function PartyLinked({
  link,
  kind,
  labelId,
  onUnlink,
  unlinking,
  disabled,
}: {
  link: PartyLink;
  kind: string;
  /** the id of the "Linked to" line, which the unlink button is described by */
  labelId: string;
  /** absent: the link is shown, not offered to be taken back */
  onUnlink?: () => void;
  unlinking: boolean;
  disabled: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const when = formatDateTime(link.linked_at, i18n.language);
  return (
    <Paper
      withBorder
      p="sm"
      mb="sm"
      bg="var(--mantine-color-green-0)"
      style={{ borderInlineStart: '4px solid #1e6b30' }}
      data-testid="party-linked"
      data-record-id={link.record_id}
    >
      <Group justify="space-between" align="center" wrap="wrap" gap="xs">
        <Stack gap={2}>
          <Group gap={6} wrap="wrap">
            <Badge color="#1e6b30" variant="filled" tt="none" leftSection={<IconLink size={12} aria-hidden />}>
              {t('exchange:received.link.linkedMark')}
            </Badge>
            <Text size="sm" id={labelId}>
              {t('exchange:received.link.linkedTo')}{' '}
              {can(me, 'registers.read') ? (
                <Anchor component={Link} to={recordPath({ kind, id: link.record_id })} fw={600} data-testid="party-linked-record">
                  <Data>{link.record_label}</Data>
                </Anchor>
              ) : (
                <Text span fw={600}>
                  <Data>{link.record_label}</Data>
                </Text>
              )}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {link.linked_by_name ? (
              t('exchange:received.link.by', { name: link.linked_by_name, when })
            ) : (
              t('exchange:received.link.at', { when })
            )}
          </Text>
        </Stack>
        {onUnlink && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconLinkOff size={14} aria-hidden />}
            onClick={onUnlink}
            loading={unlinking}
            disabled={disabled && !unlinking}
            aria-describedby={labelId}
            data-testid="party-unlink"
          >
            {t('exchange:received.link.unlink')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

/** A candidate's "This is the same" (or, for the record linked, that it is). */
export function SameButton({
  recordId,
  labelId,
  linked,
  linking,
  disabled,
  onLink,
}: {
  recordId: string;
  /** the id of the candidate's name, which the button is described by */
  labelId: string;
  linked: boolean;
  linking: boolean;
  disabled: boolean;
  onLink: () => void;
}) {
  const { t } = useTranslation();
  if (linked) {
    return (
      <Badge color="#1e6b30" variant="light" tt="none" leftSection={<IconLink size={12} aria-hidden />} data-testid="candidate-linked">
        {t('exchange:received.link.linkedMark')}
      </Badge>
    );
  }
  return (
    <Button
      size="xs"
      variant="light"
      leftSection={<IconLink size={14} aria-hidden />}
      onClick={onLink}
      loading={linking}
      disabled={disabled && !linking}
      aria-describedby={labelId}
      data-testid="party-link"
      data-record-id={recordId}
    >
      {t('exchange:received.link.same')}
    </Button>
  );
}

/**
 * Why a link (or taking it back) was refused, in the UI language where the server's answer is
 * known: the sender withdrew the case meanwhile (409 `withdrawn`), the case or the party is no
 * longer here (404), the record is not one of the registers' of that kind (422 `record_id`).
 */
export function PartyLinkError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const field = isApiError(error) && error.status === 422 ? error.problem?.errors?.find((e) => e.field === 'record_id') : undefined;
  const message = isWithdrawnError(error)
    ? t('exchange:received.link.errors.withdrawn')
    : isApiError(error) && error.status === 404
      ? t('exchange:received.link.errors.notFound')
      : field
        ? exchangeFieldMessage(t, field)
        : null;
  if (!message) return <FormError error={error} />;
  return (
    <Alert color="red" variant="light" role="alert" data-testid="party-link-error" data-code={isApiError(error) ? error.code : undefined}>
      <Text size="sm">{message}</Text>
    </Alert>
  );
}

/** While the sender's withdrawal stands, no person or company of the case is linked: why. */
export function LinkingWithdrawnNote() {
  const { t } = useTranslation();
  return (
    <Alert color="gray" variant="light" p="xs" data-testid="party-link-withdrawn">
      <Text size="sm">{t('exchange:received.link.withdrawn')}</Text>
    </Alert>
  );
}
