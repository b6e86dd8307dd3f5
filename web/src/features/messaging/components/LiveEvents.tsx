import { useEffect, useEffectEvent } from 'react';
import { Anchor } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBell } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { safeNext } from '@/lib/useSession';
import '@/i18n/searches/nav';
import { connectLive } from '../api/events';
import type { NotificationDto } from '../api/types';
import { applyLiveEvent } from '../lib/live';

/**
 * The signed-in session's live connection (GET /events): mounted once in the authenticated
 * layout, so it starts after sign-in and stops at sign-out. Events refresh the affected
 * queries; a notification the user wants live pops up.
 */
export function LiveEvents() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { t } = useTranslation();

  const ping = useEffectEvent((n: NotificationDto) => {
    const id = `notification-${n.id}`;
    const to = safeNext(n.link);
    notifications.show({
      id,
      title: t([`notifications.kinds.${n.kind}`, `seizures.notificationKinds.${n.kind}`, `alerts.notificationKinds.${n.kind}`, `searches:notificationKinds.${n.kind}`]),
      message: (
        <Anchor
          href={to}
          size="sm"
          onClick={(e) => {
            e.preventDefault();
            notifications.hide(id);
            void navigate(to);
          }}
        >
          {n.title}
        </Anchor>
      ),
      color: n.kind === 'warning' || n.kind === 'feedback_overdue' ? 'orange' : undefined,
      icon: <IconBell size={16} aria-hidden />,
      autoClose: 10_000,
    });
  });

  useEffect(() => connectLive({ onEvent: (event) => applyLiveEvent(event, qc, (n) => ping(n)) }), [qc]);

  return null;
}
