import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import {
  IconExternalLink,
  IconFileExport,
  IconFileSearch,
  IconFolderDown,
  IconInbox,
  IconArrowBackUp,
  IconScale,
  IconSend,
  IconShieldCheck,
  IconWorld,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/api/queries/me';
import { Data } from '@/components/Bidi';
import { PageHeader } from '@/components/PageHeader';
import '@/i18n/exchange';
import type { HasPermissions } from '@/lib/permissions';
import type { Agreement, FieldClass, InboxStatus, PackageKind, PackageStatus, PartnerStatus, Scope } from '../api/exchange';
import { onlyRequests, runsExchange } from '../lib/access';

/** Never cut short, as CaseStatusBadge. */
const NO_TRUNCATE = {
  root: { flexShrink: 0, minWidth: 'max-content', overflow: 'visible' },
  label: { overflow: 'visible', textOverflow: 'clip' },
} as const;

export type ExchangePage = 'partners' | 'agreements' | 'preview' | 'request' | 'outbox' | 'inbox' | 'received' | 'cen';

const manages = (me: HasPermissions | undefined) => runsExchange(me);

const PAGES: { page: ExchangePage; to: string; icon: ReactNode; shown: (me: HasPermissions | undefined) => boolean }[] = [
  { page: 'partners', to: '/exchange/partners', icon: <IconWorld size={16} aria-hidden />, shown: manages },
  { page: 'agreements', to: '/exchange/agreements', icon: <IconScale size={16} aria-hidden />, shown: manages },
  { page: 'preview', to: '/exchange/preview', icon: <IconFileSearch size={16} aria-hidden />, shown: manages },
  { page: 'request', to: '/exchange/preview', icon: <IconFileSearch size={16} aria-hidden />, shown: onlyRequests },
  { page: 'outbox', to: '/exchange/outbox', icon: <IconSend size={16} aria-hidden />, shown: (me) => manages(me) || onlyRequests(me) },
  { page: 'inbox', to: '/exchange/inbox', icon: <IconInbox size={16} aria-hidden />, shown: manages },
  { page: 'received', to: '/exchange/received', icon: <IconFolderDown size={16} aria-hidden />, shown: manages },
  { page: 'cen', to: '/exchange/cen', icon: <IconFileExport size={16} aria-hidden />, shown: manages },
];

/** The guide's page on the exchange, in a new tab (at the section of `page`). */
export function GuideLink() {
  const { t, i18n } = useTranslation();
  return (
    <Anchor href={`/help/${i18n.language === 'fr' ? 'fr' : 'en'}/exchange.html`} target="_blank" rel="noopener" size="sm">
      <Group gap={4} component="span">
        {t('exchange:help')}
        <IconExternalLink size={14} aria-hidden />
      </Group>
    </Anchor>
  );
}

/**
 * The top of every exchange page: its title and what it is for, the guide, and the way to the
 * other pages of the exchange that the user may open (the current one marked as such; on a
 * package's page, `title` and `description` are the package's and its list is the current section).
 */
export function ExchangeHeader({
  page,
  actions,
  title,
  description,
  detail = false,
}: {
  page: ExchangePage;
  actions?: ReactNode;
  title?: string;
  description?: string;
  /** a page below `page` (one package): its list is marked as the current section, not the current page */
  detail?: boolean;
}) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const current = detail ? 'true' : 'page';
  return (
    <Stack gap="xs">
      <Group component="nav" aria-label={t('exchange:pages.label')} gap="xs" data-testid="exchange-pages">
        {PAGES.filter((p) => p.shown(me)).map((p) => (
          <Button
            key={p.page}
            component={Link}
            to={p.to}
            size="xs"
            variant={p.page === page ? 'light' : 'subtle'}
            leftSection={p.icon}
            aria-current={p.page === page ? current : undefined}
          >
            {t(`exchange:pages.${p.page}`)}
          </Button>
        ))}
      </Group>
      <PageHeader
        title={title ?? t(`exchange:titles.${page}`)}
        description={description ?? t(`exchange:descriptions.${page}`)}
        actions={
          <>
            {actions}
            <GuideLink />
          </>
        }
      />
    </Stack>
  );
}

export function PartnerStatusBadge({ status }: { status: PartnerStatus }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={status === 'active' ? 'green.9' : 'gray'} tt="none" styles={NO_TRUNCATE} data-status={status}>
      {t(`exchange:partners.status.${status}`)}
    </Badge>
  );
}

/** Whether an agreement covers exchanges today, and when it does not, why (its dates, or its partner suspended). */
export function InForceBadge({ agreement, partnerStatus, today }: { agreement: Agreement; partnerStatus?: PartnerStatus; today: string }) {
  const { t } = useTranslation();
  if (agreement.in_force) {
    return (
      <Badge size="sm" variant="filled" color="#1e6b30" tt="none" styles={NO_TRUNCATE} data-testid="in-force" data-in-force="true">
        {t('exchange:agreements.inForce')}
      </Badge>
    );
  }
  const reason =
    agreement.valid_from > today
      ? 'notYet'
      : agreement.valid_until && agreement.valid_until < today
        ? 'ended'
        : partnerStatus === 'suspended'
          ? 'partnerSuspended'
          : 'notInForce';
  return (
    <Badge size="sm" variant="outline" color="gray.8" tt="none" styles={NO_TRUNCATE} data-testid="in-force" data-in-force="false">
      {t(`exchange:agreements.state.${reason}`)}
    </Badge>
  );
}

/** Nominal's colour: a dark orange that keeps 4.5:1 on the withheld rows' red tint (orange.9 gives 4.0). */
const NOMINAL = '#a8400d';

export function ScopeBadge({ scope }: { scope: Scope }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="outline" color={scope === 'nominal' ? NOMINAL : 'ncen'} tt="none" styles={NO_TRUNCATE} data-scope={scope}>
      {t(`exchange:scopes.${scope}`)}
    </Badge>
  );
}

export function FieldClassBadge({ value }: { value: FieldClass }) {
  const { t } = useTranslation();
  const color = value === 'non_nominal' ? 'ncen' : value === 'nominal' ? NOMINAL : 'gray.8';
  return (
    <Badge size="xs" variant="outline" color={color} tt="none" styles={NO_TRUNCATE} data-class={value}>
      {t(`exchange:classes.${value}`)}
    </Badge>
  );
}

/**
 * Where a package for a partner stands. Colours keep 4.5:1: the moving states in the app's
 * blue, the partner's acknowledgement in dark green, the partner's refusal and failure in dark
 * red, what waits for a person in dark orange, a declined request in grey.
 */
const PACKAGE_BADGES: Record<PackageStatus, { color: string; variant: 'filled' | 'outline' }> = {
  awaiting_approval: { color: NOMINAL, variant: 'outline' },
  pending: { color: 'ncen', variant: 'outline' },
  sent: { color: 'ncen', variant: 'filled' },
  acknowledged: { color: '#1e6b30', variant: 'filled' },
  rejected: { color: 'red.9', variant: 'filled' },
  failed: { color: 'red.9', variant: 'outline' },
  declined: { color: 'gray.8', variant: 'outline' },
};

export function PackageStatusBadge({ status }: { status: PackageStatus }) {
  const { t } = useTranslation();
  const { color, variant } = PACKAGE_BADGES[status];
  return (
    <Badge size="sm" variant={variant} color={color} tt="none" styles={NO_TRUNCATE} data-testid="package-status" data-status={status}>
      {t(`exchange:statuses.${status}`)}
    </Badge>
  );
}

const INBOX_BADGES: Record<InboxStatus, { color: string; variant: 'filled' | 'outline' }> = {
  received: { color: 'ncen', variant: 'filled' },
  imported: { color: '#1e6b30', variant: 'filled' },
  dismissed: { color: 'gray.8', variant: 'outline' },
};

/** Where a received package's review stands; a withdrawal, imported on arrival, says it was applied. */
export function InboxStatusBadge({ status, kind = 'cases' }: { status: InboxStatus; kind?: PackageKind }) {
  const { t } = useTranslation();
  const { color, variant } = INBOX_BADGES[status];
  const applied = kind === 'withdrawal' && status === 'imported';
  return (
    <Badge size="sm" variant={variant} color={color} tt="none" styles={NO_TRUNCATE} data-testid="inbox-status" data-status={status}>
      {applied ? t('exchange:inbox.applied') : t(`exchange:inbox.status.${status}`)}
    </Badge>
  );
}

/** A package that withdraws the cases of an earlier one (sent or received), told apart from a package of cases. */
export function WithdrawalBadge() {
  const { t } = useTranslation();
  return (
    <Badge
      size="sm"
      variant="outline"
      color="red.9"
      tt="none"
      styles={NO_TRUNCATE}
      leftSection={<IconArrowBackUp size={12} aria-hidden />}
      data-testid="withdrawal-badge"
    >
      {t('exchange:badges.withdrawal')}
    </Badge>
  );
}

/**
 * Cases withdrawn: a package of cases this node withdrew (`by` us, the default), or a received
 * case its sender withdrew (`by` the sender), kept for the record, not to be used.
 */
export function WithdrawnBadge({ by = 'us' }: { by?: 'us' | 'sender' }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="filled" color="red.9" tt="none" styles={NO_TRUNCATE} data-testid="withdrawn-badge">
      {t(by === 'sender' ? 'exchange:badges.withdrawnBySender' : 'exchange:badges.withdrawn')}
    </Badge>
  );
}

/**
 * "Received from <partner>" (or, given `country`, from that country): where a received package,
 * case, person or company comes from, never taken for this node's own.
 */
export function ProvenanceBadge({ partner, country }: { partner: string; country?: undefined } | { partner?: undefined; country: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      size="md"
      variant="outline"
      color="ncen"
      tt="none"
      styles={NO_TRUNCATE}
      leftSection={<IconShieldCheck size={14} aria-hidden />}
      data-testid="provenance-badge"
    >
      {country !== undefined ? t('exchange:received.fromCountry', { country }) : t('exchange:inbox.receivedFrom', { partner })}
    </Badge>
  );
}

/** A label and its value, in a summary grid. */
export function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={0} data-testid={testId}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ wordBreak: 'break-word' }}>
        {children}
      </Text>
    </Stack>
  );
}

/** Recorded text (a name, a reason): as it was recorded, or a dash. */
export function DataOrDash({ value }: { value: string | null | undefined }) {
  return value ? <Data>{value}</Data> : <>—</>;
}

/** Case references, each kept on one line (a reference never breaks at its hyphens), the first `max` and then how many more. */
export function References({ references, max }: { references: readonly string[]; max: number }) {
  const { t } = useTranslation();
  const sep = t('common.listSeparator');
  return (
    <>
      {references.slice(0, max).map((r, i) => (
        <span key={`${r}:${i}`}>
          {i > 0 && sep}
          <span style={{ whiteSpace: 'nowrap' }}>
            <Data>{r}</Data>
          </span>
        </span>
      ))}
      {references.length > max && (
        <Text span size="xs" c="dimmed">
          {' '}
          {t('exchange:outbox.more', { count: references.length - max })}
        </Text>
      )}
    </>
  );
}
