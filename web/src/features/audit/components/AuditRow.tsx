import { Fragment, type ReactNode } from 'react';
import { ActionIcon, Anchor, Badge, Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconFilter } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useUnitNames } from '@/api/queries/units';
import type { AuditEvent } from '@/api/types';
import { Data } from '@/components/Bidi';
import { formatDateTime } from '@/lib/format';
import { can, type HasPermissions } from '@/lib/permissions';
import { BULK_READ, knownActionLabel } from '../lib/actions';
import { objectHref, objectText, shortId } from '../lib/objects';
import { EventDetails } from './EventDetails';

export const AUDIT_COLUMNS = 8;

const OUTCOME_COLORS: Readonly<Record<string, string>> = {
  success: 'green',
  failure: 'red',
  denied: 'red',
  throttled: 'orange',
};

/** The highlight of a read-volume alert, wherever it appears (a coloured start border and tint). */
const ALERT_ROW = { backgroundColor: 'var(--mantine-color-orange-light)' } as const;
const ALERT_CELL = { borderInlineStart: '4px solid var(--mantine-color-orange-7)' } as const;

export function OutcomeBadge({ outcome }: { outcome: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="dot" color={OUTCOME_COLORS[outcome] ?? 'gray'} tt="none" styles={{ root: { flexShrink: 0, minWidth: 'max-content' } }}>
      {t(`audit.outcomes.${outcome}`, { defaultValue: outcome })}
    </Badge>
  );
}

/** Who acted: their name (linked to their account when the reader may open it), the username under it. */
export function ActorCell({ event, me, onFilter }: { event: AuditEvent; me: HasPermissions | undefined; onFilter?: (actor: string) => void }) {
  const { t } = useTranslation();
  const username = event.actor_username ?? null;
  const name = event.actor_name ?? null;
  if (!event.actor_id && !username) {
    return (
      <Text size="sm" c="dimmed" span>
        {t('audit.system')}
      </Text>
    );
  }
  const main = name ?? username;
  const href = event.actor_id ? objectHref('user', event.actor_id, me) : null;
  const filterBy = username ?? event.actor_id;
  return (
    <Group gap={4} wrap="nowrap" align="flex-start">
      <Stack gap={0} data-testid="audit-actor">
        {main === null ? (
          <Tooltip label={event.actor_id} withArrow>
            <Text size="sm" fs="italic" c="dimmed" span>
              {t('audit.deletedRecord')}
            </Text>
          </Tooltip>
        ) : href ? (
          <Anchor component={Link} to={href} size="sm" data-testid="audit-actor-name">
            <Data>{main}</Data>
          </Anchor>
        ) : (
          <Text size="sm" span data-testid="audit-actor-name">
            <Data>{main}</Data>
          </Text>
        )}
        {name && username && (
          <Text size="xs" c="dimmed" span data-testid="audit-actor-username">
            <Data>{username}</Data>
          </Text>
        )}
      </Stack>
      {onFilter && filterBy && (
        <Tooltip label={t('audit.filterByActor', { name: main ?? filterBy })} withArrow>
          <ActionIcon
            size="sm"
            variant="subtle"
            color="gray"
            aria-label={t('audit.filterByActor', { name: main ?? filterBy })}
            onClick={() => onFilter(filterBy)}
          >
            <IconFilter size={14} aria-hidden />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}

/** What the action was: its label in words, the code in a tooltip; a read-volume alert stands out. */
export function ActionCell({ action }: { action: string }) {
  const { t } = useTranslation();
  const label = knownActionLabel(t, action);
  return (
    <Group gap={6} wrap="nowrap">
      {action === BULK_READ && <IconAlertTriangle size={18} color="var(--mantine-color-orange-7)" aria-hidden data-testid="bulk-read-icon" />}
      <Tooltip label={action} withArrow>
        {label ? (
          <Text size="sm" span fw={action === BULK_READ ? 600 : undefined} data-testid="audit-action">
            {label}
          </Text>
        ) : (
          <Text size="sm" span ff="monospace" data-testid="audit-action">
            <Data>{action}</Data>
          </Text>
        )}
      </Tooltip>
    </Group>
  );
}

/** What the event was about: its type, and its reference or name linked to its page. */
export function ObjectCell({
  event,
  me,
  onFilter,
}: {
  event: AuditEvent;
  me: HasPermissions | undefined;
  onFilter?: (type: string, id: string) => void;
}) {
  const { t } = useTranslation();
  const type = event.object_type ?? null;
  const id = event.object_id ?? null;
  // a unit under its name in the UI language, where the reader may list units
  const unitName = useUnitNames(type === 'unit' && can(me, 'units.read'));
  if (!type) return <Text c="dimmed">—</Text>;
  const typeLabel = t(`audit.objects.${type}`, { defaultValue: type });
  const text = objectText(type, id, type === 'unit' && event.object_label ? unitName(id, event.object_label) : event.object_label);
  const href = text.kind === 'label' || text.kind === 'code' ? objectHref(type, id, me) : null;
  let main: ReactNode = null;
  if (text.kind === 'label' || text.kind === 'code') {
    const content =
      text.kind === 'code' ? (
        <Text span ff="monospace" size="sm">
          <Data>{text.text}</Data>
        </Text>
      ) : (
        <Data>{text.text}</Data>
      );
    main = href ? (
      <Anchor component={Link} to={href} size="sm" data-testid="audit-object-link">
        {content}
      </Anchor>
    ) : (
      <Text size="sm" span data-testid="audit-object-label">
        {content}
      </Text>
    );
  } else if (text.kind === 'deleted') {
    main = (
      <Tooltip label={t('audit.recordId', { id: id ?? '' })} withArrow>
        <Text size="sm" span fs="italic" c="dimmed" data-testid="audit-object-deleted">
          {t('audit.deletedRecord')} <bdi>({shortId(id ?? '')})</bdi>
        </Text>
      </Tooltip>
    );
  }
  return (
    <Group gap={4} wrap="nowrap" align="flex-start">
      <Stack gap={0} data-testid="audit-object" data-object-type={type}>
        {text.kind === 'typeOnly' && id ? (
          <Tooltip label={t('audit.recordId', { id })} withArrow>
            <Text size="sm" span>
              {typeLabel}
            </Text>
          </Tooltip>
        ) : (
          <Text size="xs" c="dimmed" span>
            {typeLabel}
          </Text>
        )}
        {main}
      </Stack>
      {onFilter && id && (
        <Tooltip label={t('audit.filterByObject')} withArrow>
          <ActionIcon size="sm" variant="subtle" color="gray" aria-label={t('audit.filterByObject')} onClick={() => onFilter(type, id)}>
            <IconFilter size={14} aria-hidden />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}

/** One event of the trail and, when open, its details under it. */
export function AuditRow({
  event,
  me,
  open,
  onToggle,
  onFilterActor,
  onFilterObject,
}: {
  event: AuditEvent;
  me: HasPermissions | undefined;
  open: boolean;
  onToggle: () => void;
  onFilterActor?: (actor: string) => void;
  onFilterObject?: (type: string, id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const alert = event.action === BULK_READ;
  const detailsId = `audit-details-${event.id}`;
  return (
    <Fragment>
      <Table.Tr data-action={event.action} data-alert={alert ? 'bulk_read' : undefined} style={alert ? ALERT_ROW : undefined}>
        <Table.Td style={alert ? ALERT_CELL : undefined} c="dimmed">
          {event.id}
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.occurred_at, i18n.language)}</Table.Td>
        <Table.Td>
          <ActorCell event={event} me={me} onFilter={onFilterActor} />
        </Table.Td>
        <Table.Td>
          <ActionCell action={event.action} />
        </Table.Td>
        <Table.Td>
          <ObjectCell event={event} me={me} onFilter={onFilterObject} />
        </Table.Td>
        <Table.Td>
          <OutcomeBadge outcome={event.outcome} />
        </Table.Td>
        <Table.Td ff="monospace" fz="xs">
          {event.ip ? <Data ltr>{event.ip}</Data> : '—'}
        </Table.Td>
        <Table.Td>
          <Button size="compact-xs" variant="subtle" aria-expanded={open} aria-controls={open ? detailsId : undefined} onClick={onToggle}>
            {open ? t('audit.hide') : t('audit.show')}
          </Button>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr id={detailsId} style={alert ? ALERT_ROW : undefined}>
          <Table.Td colSpan={AUDIT_COLUMNS} style={alert ? ALERT_CELL : undefined}>
            <EventDetails event={event} me={me} />
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}
