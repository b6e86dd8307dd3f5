import { Fragment, type ReactNode } from 'react';
import { Anchor, Button, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/api/queries/me';
import type { Me } from '@/api/types';
import { HomeBlock } from '@/components/HomeBlock';
import { PageHeader } from '@/components/PageHeader';
import { ErrorState, LoadingState } from '@/components/states';
import { HomeHitsBlock } from '@/features/alerts/components/HomeHitsBlock';
import { MyInvestigationsBlock, MyTasksBlock, UnitOverdueBlock } from '@/features/investigations/components/HomeBlocks';
import { isSupervisor } from '@/features/investigations/lib/abilities';
import { useUnreadTotal } from '@/features/messaging/api/threads';
import { DraftsBlock, LatestValidatedBlock, ValidationQueueBlock } from '@/features/seizures/components/HomeBlocks';
import { can } from '@/lib/permissions';

function MessagesBlock() {
  const { t } = useTranslation();
  const unread = useUnreadTotal();
  const count = unread.data ?? 0;
  return (
    <HomeBlock
      id="messages"
      title={t('home.blocks.messages.title')}
      actions={
        <Anchor component={Link} to="/messages" size="sm">
          {t('home.blocks.messages.open')}
        </Anchor>
      }
    >
      <Text size="sm" data-testid="home-unread" data-count={unread.isSuccess ? count : undefined}>
        {unread.isPending ? t('common.loading') : count > 0 ? t('messaging.unreadTotal', { count }) : t('home.blocks.messages.none')}
      </Text>
    </HomeBlock>
  );
}

function AuditBlock() {
  const { t } = useTranslation();
  return (
    <HomeBlock
      id="audit"
      title={t('home.blocks.audit.title')}
      help={t('home.blocks.audit.help')}
      actions={
        <Button component={Link} to="/audit" variant="default" size="sm">
          {t('home.blocks.audit.open')}
        </Button>
      }
    />
  );
}

/**
 * The home page's blocks, in order, each shown only to whom its permission allows. A feature
 * adds its block here.
 */
const BLOCKS: { id: string; show: (me: Me) => boolean; render: (me: Me) => ReactNode }[] = [
  // supervisors: what waits for their validation
  { id: 'queue', show: (me) => can(me, 'seizures.validate'), render: (me) => <ValidationQueueBlock unitId={me.unit_id} /> },
  // officers (and supervisors, who record too): drafts to finish, cases sent back among them
  { id: 'drafts', show: (me) => can(me, 'seizures.write'), render: (me) => <DraftsBlock unitId={me.unit_id} /> },
  // those who read cases without recording them (analysts, investigators, liaison); auditors
  // are left out: their every read is audited, so their home page reads no case data
  {
    id: 'validated',
    show: (me) => can(me, 'seizures.read') && !can(me, 'seizures.write') && !can(me, 'audit.read'),
    render: () => <LatestValidatedBlock />,
  },
  // whoever reviews the hits of their unit's alerts
  { id: 'hits', show: (me) => can(me, 'alerts.write'), render: () => <HomeHitsBlock /> },
  // whoever works on investigations: their open tasks, then (supervisors) their unit's overdue
  // tasks, then the open investigations they lead or are on the team of
  { id: 'my-tasks', show: (me) => can(me, 'investigations.work'), render: () => <MyTasksBlock /> },
  { id: 'unit-overdue', show: (me) => can(me, 'investigations.work') && isSupervisor(me), render: () => <UnitOverdueBlock /> },
  { id: 'my-investigations', show: (me) => can(me, 'investigations.work'), render: (me) => <MyInvestigationsBlock meId={me.id} /> },
  { id: 'messages', show: () => true, render: () => <MessagesBlock /> },
  { id: 'audit', show: (me) => can(me, 'audit.read'), render: () => <AuditBlock /> },
];

/** The work waiting for the signed-in user, by role. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) return <LoadingState />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  const user = me.data;
  const blocks = BLOCKS.filter((b) => b.show(user));
  return (
    <Stack>
      <PageHeader
        title={t('home.welcome', { name: user.display_name })}
        description={t('home.intro')}
        actions={
          can(user, 'seizures.write') && (
            <Button component={Link} to="/seizures/new" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('home.blocks.drafts.record')}
            </Button>
          )
        }
      />
      {blocks.map((b) => (
        <Fragment key={b.id}>{b.render(user)}</Fragment>
      ))}
      {blocks.length <= 1 && (
        <Text size="sm" c="dimmed">
          {t('home.more')}
        </Text>
      )}
    </Stack>
  );
}
