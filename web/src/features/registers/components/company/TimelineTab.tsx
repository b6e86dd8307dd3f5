import type { ReactNode } from 'react';
import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconBellRinging, IconFolderSearch, IconMessages, IconPackages, IconTarget } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import '@/i18n/investigations';
import { useCodeBook } from '@/api/queries/codelists';
import type { CompanyTimeline, CompanyTimelineEvent, TimelineKind } from '@/api/types';
import { Data } from '@/components/Bidi';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import '@/i18n/companies';
import { formatDateTime } from '@/lib/format';
import { useCompanyTimeline } from '@/features/registers/api/companies';
import { roleCodes, timelinePath } from '@/features/registers/lib/companyProfile';
import { Section } from './ProfileParts';

const ICONS: Record<TimelineKind, ReactNode> = {
  case: <IconPackages size={14} aria-hidden />,
  investigation: <IconFolderSearch size={14} aria-hidden />,
  alert: <IconBellRinging size={14} aria-hidden />,
  alert_hit: <IconTarget size={14} aria-hidden />,
  message: <IconMessages size={14} aria-hidden />,
};

/** The i18n key of a status, by the kind of record it is the status of. */
const STATUS_KEYS: Record<TimelineKind, string> = {
  case: 'caseStatus',
  investigation: 'investigations:statuses',
  alert: 'alerts.statuses',
  alert_hit: 'alerts.hits.statuses',
  message: '',
};

/**
 * What the reader may not see, as a sentence ("2 investigations you are not on and 1 alert of
 * another unit also concern this company."); nothing when everything is shown.
 */
function RestrictedNote({ restricted }: { restricted: CompanyTimeline['restricted'] | undefined }) {
  const { t } = useTranslation();
  const investigations = restricted?.investigations ?? 0;
  const alerts = restricted?.alerts ?? 0;
  if (investigations <= 0 && alerts <= 0) return null;
  const parts = [
    investigations > 0 ? t('companies:timeline.restricted.investigations', { count: investigations }) : null,
    alerts > 0 ? t('companies:timeline.restricted.alerts', { count: alerts }) : null,
  ].filter((p): p is string => p !== null);
  const what = parts.length === 2 ? t('companies:timeline.restricted.both', { investigations: parts[0], alerts: parts[1] }) : parts[0];
  return (
    <Text size="sm" c="dimmed" mb="sm" data-testid="timeline-restricted">
      {t(investigations + alerts === 1 ? 'companies:timeline.restricted.single' : 'companies:timeline.restricted.several', { what })}
    </Text>
  );
}

/** An event's detail in words: the company's roles in a case, its role in an investigation, an alert's risk level, a thread's kind. */
function useDetail() {
  const { t } = useTranslation();
  const roles = useCodeBook('company_roles');
  return (e: CompanyTimelineEvent): string | null => {
    if (!e.detail) return null;
    switch (e.kind) {
      case 'case':
        return roleCodes(e.detail).map(roles.label).join(', ');
      case 'investigation':
        return t(`investigations:linkRoles.${e.detail}`, { defaultValue: e.detail });
      case 'alert':
        return t('companies:timeline.risk', { level: t(`alerts.riskLevels.${e.detail}`, { defaultValue: e.detail }) });
      case 'message':
        return t(`messaging.kinds.${e.detail}`, { defaultValue: e.detail });
      default:
        return e.detail;
    }
  };
}

/** The record an event opens: its reference (or a thread's subject) as a link, the title under it. */
function RecordLink({ event }: { event: CompanyTimelineEvent }) {
  const { t } = useTranslation();
  const to = timelinePath(event);
  if (!event.reference)
    return (
      <Anchor component={Link} to={to} size="sm">
        <Data>{event.title || t('companies:timeline.thread')}</Data>
      </Anchor>
    );
  return (
    <Stack gap={0}>
      <Anchor component={Link} to={to} ff="monospace" size="sm">
        <Data>{event.reference}</Data>
      </Anchor>
      {event.title && (
        <Text size="sm">
          <Data>{event.title}</Data>
        </Text>
      )}
    </Stack>
  );
}

/**
 * The company's timeline, newest first: the cases it appears in, the investigations linking it,
 * the alerts on it and their hits, the message threads about it — those the reader may see,
 * the others counted above the list. Older events a page at a time.
 */
export function TimelineTab({ companyId }: { companyId: string }) {
  const { t, i18n } = useTranslation();
  const timeline = useCompanyTimeline(companyId);
  const detail = useDetail();
  if (timeline.isPending) return <LoadingState />;
  if (!timeline.data) return <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />;
  const pages = timeline.data.pages;
  const events = pages.flatMap((p) => p.items);
  const status = (e: CompanyTimelineEvent) =>
    e.status && STATUS_KEYS[e.kind] ? t(`${STATUS_KEYS[e.kind]}.${e.status}`, { defaultValue: e.status }) : (e.status ?? '—');
  return (
    <Section title={t('companies:timeline.title')} testId="company-timeline">
      <RestrictedNote restricted={pages[0]?.restricted} />
      {events.length === 0 ? (
        <EmptyState title={t('companies:timeline.none')} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped aria-label={t('companies:timeline.table')} data-testid="timeline-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('companies:timeline.when')}</Table.Th>
                <Table.Th scope="col">{t('companies:timeline.kind')}</Table.Th>
                <Table.Th scope="col">{t('companies:timeline.record')}</Table.Th>
                <Table.Th scope="col">{t('companies:timeline.detail')}</Table.Th>
                <Table.Th scope="col">{t('companies:timeline.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.map((e, i) => (
                <Table.Tr key={`${e.kind}-${e.id}-${e.at}-${i}`} data-kind={e.kind}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <time dateTime={e.at}>{formatDateTime(e.at, i18n.language)}</time>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="outline" color="gray.8" tt="none" leftSection={ICONS[e.kind]}>
                      {t(`companies:timeline.kinds.${e.kind}`, { defaultValue: e.kind })}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <RecordLink event={e} />
                  </Table.Td>
                  <Table.Td>{detail(e) ?? '—'}</Table.Td>
                  <Table.Td>{status(e)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {timeline.isFetchNextPageError && <ErrorState error={timeline.error} onRetry={() => void timeline.fetchNextPage()} />}
      {timeline.hasNextPage && !timeline.isFetchNextPageError && (
        <Group justify="center" mt="sm">
          <Button variant="default" loading={timeline.isFetchingNextPage} onClick={() => void timeline.fetchNextPage()}>
            {t('companies:timeline.older')}
          </Button>
        </Group>
      )}
    </Section>
  );
}
