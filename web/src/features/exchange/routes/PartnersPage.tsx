import { useState } from 'react';
import { ActionIcon, Button, Code, Group, Menu, Modal, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconEdit, IconPlayerPause, IconPlayerPlay, IconPlus, IconScale } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isStale } from '@/api/errors';
import { useCodeBook } from '@/api/queries/codelists';
import { Data } from '@/components/Bidi';
import { EmptyState, ErrorState, FormError, LoadingState } from '@/components/states';
import { useErrorMessage } from '@/components/useErrorMessage';
import { formatDateTime } from '@/lib/format';
import { usePartners, useUpdatePartner, type Partner } from '../api/exchange';
import { NodeIdentityCard } from '../components/NodeIdentityCard';
import { EditPartnerModal, RegisterPartnerModal } from '../components/PartnerForms';
import { ExchangeHeader, PartnerStatusBadge } from '../components/parts';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/**
 * The partner administrations (`/exchange/partners`): this node's identity to give them, each
 * partner registered with its key's fingerprint and who confirmed it, and registering,
 * correcting, suspending and reactivating them.
 */
export function PartnersPage() {
  const { t } = useTranslation();
  const partners = usePartners();
  const [registering, setRegistering] = useState(false);
  const [editing, setEditing] = useState<Partner | null>(null);
  const [suspending, setSuspending] = useState<Partner | null>(null);

  return (
    <Stack>
      <ExchangeHeader
        page="partners"
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setRegistering(true)}>
            {t('exchange:partners.register')}
          </Button>
        }
      />
      <NodeIdentityCard />
      <Stack gap="xs" component="section" aria-labelledby="partners-title">
        <Title order={2} size="h4" id="partners-title">
          {t('exchange:partners.title')}
        </Title>
        {partners.isPending ? (
          <LoadingState />
        ) : partners.isError ? (
          <ErrorState error={partners.error} onRetry={() => void partners.refetch()} />
        ) : partners.data.length === 0 ? (
          <Paper withBorder>
            <EmptyState title={t('exchange:partners.empty')} />
          </Paper>
        ) : (
          <PartnerTable items={partners.data} onEdit={setEditing} onSuspend={setSuspending} />
        )}
      </Stack>
      <RegisterPartnerModal opened={registering} onClose={() => setRegistering(false)} />
      <EditPartnerModal partner={editing} onClose={() => setEditing(null)} />
      <Modal opened={!!suspending} onClose={() => setSuspending(null)} title={t('exchange:partners.suspendTitle')}>
        {suspending && <SuspendForm partner={suspending} onDone={() => setSuspending(null)} />}
      </Modal>
    </Stack>
  );
}

function PartnerTable({
  items,
  onEdit,
  onSuspend,
}: {
  items: readonly Partner[];
  onEdit: (p: Partner) => void;
  onSuspend: (p: Partner) => void;
}) {
  const { t, i18n } = useTranslation();
  const countries = useCodeBook('countries');
  const message = useErrorMessage();
  const update = useUpdatePartner();
  const reactivate = (partner: Partner) =>
    update.mutate(
      { partner, patch: { status: 'active' } },
      {
        onSuccess: (p) => notifications.show({ color: 'green', message: t('exchange:partners.reactivated', { name: p.name }) }),
        onError: (e) => notifications.show({ color: 'red', message: isStale(e) ? t('errors.codes.precondition_failed') : message(e) }),
      },
    );
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover aria-labelledby="partners-title" data-testid="partners-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('exchange:partners.columns.country')}</Table.Th>
            <Table.Th scope="col">{t('exchange:partners.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('exchange:partners.columns.endpoint')}</Table.Th>
            <Table.Th scope="col">{t('exchange:partners.columns.fingerprint')}</Table.Th>
            <Table.Th scope="col">{t('exchange:partners.columns.status')}</Table.Th>
            <Table.Th scope="col">{t('exchange:partners.columns.confirmedBy')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('exchange:partners.columns.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id} data-partner-id={p.id}>
              <Table.Td style={NOWRAP}>
                <Data>{countries.label(p.country)}</Data>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>
                  <Data>{p.name}</Data>
                </Text>
                {p.contact && (
                  <Text size="xs" c="dimmed" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                    {p.contact}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ wordBreak: 'break-all' }}>
                  <Data ltr>{p.endpoint}</Data>
                </Text>
              </Table.Td>
              <Table.Td>
                <Code dir="ltr" translate="no" style={{ whiteSpace: 'normal' }} data-testid="partner-fingerprint">
                  {p.fingerprint}
                </Code>
              </Table.Td>
              <Table.Td>
                <PartnerStatusBadge status={p.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  <Data>{p.confirmed_by_name ?? '—'}</Data>
                </Text>
                <Text size="xs" c="dimmed" style={NOWRAP}>
                  {formatDateTime(p.created_at, i18n.language)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <ActionIcon variant="subtle" color="gray" aria-label={t('exchange:partners.actions.label', { name: p.name })}>
                      <IconDots size={18} aria-hidden />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item leftSection={<IconEdit size={14} aria-hidden />} onClick={() => onEdit(p)}>
                      {t('exchange:partners.actions.edit')}
                    </Menu.Item>
                    <Menu.Item
                      component={Link}
                      to={`/exchange/agreements?partner=${p.id}`}
                      leftSection={<IconScale size={14} aria-hidden />}
                    >
                      {t('exchange:partners.actions.agreements')}
                    </Menu.Item>
                    <Menu.Divider />
                    {p.status === 'active' ? (
                      <Menu.Item color="red.9" leftSection={<IconPlayerPause size={14} aria-hidden />} onClick={() => onSuspend(p)}>
                        {t('exchange:partners.actions.suspend')}
                      </Menu.Item>
                    ) : (
                      <Menu.Item leftSection={<IconPlayerPlay size={14} aria-hidden />} onClick={() => reactivate(p)}>
                        {t('exchange:partners.actions.reactivate')}
                      </Menu.Item>
                    )}
                  </Menu.Dropdown>
                </Menu>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Suspending stops every exchange with the partner (its agreements are no longer in force): asked first. */
function SuspendForm({ partner, onDone }: { partner: Partner; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdatePartner();
  return (
    <Stack gap="sm" data-testid="suspend-partner-dialog">
      <Text size="sm">{t('exchange:partners.suspendBody', { name: partner.name })}</Text>
      <FormError error={update.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone} data-autofocus>
          {t('common.cancel')}
        </Button>
        <Button
          color="red.9"
          loading={update.isPending}
          onClick={() =>
            update.mutate(
              { partner, patch: { status: 'suspended' } },
              {
                onSuccess: (p) => {
                  notifications.show({ color: 'green', message: t('exchange:partners.suspended', { name: p.name }) });
                  onDone();
                },
              },
            )
          }
        >
          {t('exchange:partners.actions.suspend')}
        </Button>
      </Group>
    </Stack>
  );
}
