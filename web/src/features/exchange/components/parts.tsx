import { Anchor, Badge, Button, Group, Stack } from '@mantine/core';
import { IconExternalLink, IconFileExport, IconFileSearch, IconScale, IconWorld } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/PageHeader';
import '@/i18n/exchange';
import type { Agreement, FieldClass, PartnerStatus, Scope } from '../api/exchange';

/** Never cut short, as CaseStatusBadge. */
const NO_TRUNCATE = {
  root: { flexShrink: 0, minWidth: 'max-content', overflow: 'visible' },
  label: { overflow: 'visible', textOverflow: 'clip' },
} as const;

export type ExchangePage = 'partners' | 'agreements' | 'preview' | 'cen';

const PAGES: { page: ExchangePage; to: string; icon: ReactNode }[] = [
  { page: 'partners', to: '/exchange/partners', icon: <IconWorld size={16} aria-hidden /> },
  { page: 'agreements', to: '/exchange/agreements', icon: <IconScale size={16} aria-hidden /> },
  { page: 'preview', to: '/exchange/preview', icon: <IconFileSearch size={16} aria-hidden /> },
  { page: 'cen', to: '/exchange/cen', icon: <IconFileExport size={16} aria-hidden /> },
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
 * other pages of the exchange (the current one marked as such).
 */
export function ExchangeHeader({ page, actions }: { page: ExchangePage; actions?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Group component="nav" aria-label={t('exchange:pages.label')} gap="xs" data-testid="exchange-pages">
        {PAGES.map((p) => (
          <Button
            key={p.page}
            component={Link}
            to={p.to}
            size="xs"
            variant={p.page === page ? 'light' : 'subtle'}
            leftSection={p.icon}
            aria-current={p.page === page ? 'page' : undefined}
          >
            {t(`exchange:pages.${p.page}`)}
          </Button>
        ))}
      </Group>
      <PageHeader
        title={t(`exchange:titles.${page}`)}
        description={t(`exchange:descriptions.${page}`)}
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
