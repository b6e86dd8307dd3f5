import { Badge, Box, Divider, Group, NavLink, ScrollArea, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconAddressBook, IconBellRinging, IconBuilding, IconChartBar, IconFolderSearch, IconGitMerge, IconHome, IconList, IconMap2, IconMessages, IconPackages, IconShieldCheck, IconUser, IconUserSearch, IconUsers } from '@tabler/icons-react';
import { IconAffiliate, IconArrowsExchange, IconBookmarks, IconDatabaseImport } from '@tabler/icons-react';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import '@/i18n/investigations';
import type { ReactNode } from 'react';
import { useMe } from '@/api/queries/me';
import { Data } from '@/components/Bidi';
import { useNewHitCount } from '@/features/alerts/api/alerts';
import { useUnreadTotal } from '@/features/messaging/api/threads';
import '@/i18n/statistics/nav';
import '@/i18n/analysis/nav';
import '@/i18n/searches/nav';
import '@/i18n/exchange/nav';
import '@/i18n/imports/nav';
import { can, canAny, type Permission } from '@/lib/permissions';
import { myUnitName } from '@/lib/units';

interface Item {
  to: string;
  label: string;
  icon: ReactNode;
  any: readonly Permission[] | null;
  /** a count shown after the label (e.g. unread messages) */
  count?: { value: number; label: string; testId?: string };
  /** a sub-page with an entry of its own, where this entry is not the current one */
  except?: string;
}

function Item({ item, onNavigate }: { item: Item; onNavigate: () => void }) {
  const location = useLocation();
  const active =
    item.to === '/'
      ? location.pathname === '/'
      : location.pathname.startsWith(item.to) && !(item.except && location.pathname.startsWith(item.except));
  return (
    <NavLink
      component={RouterNavLink}
      to={item.to}
      end={item.to === '/' || !!item.except}
      label={
        item.count && item.count.value > 0 ? (
          <>
            {item.label}
            {' '}<VisuallyHidden>({item.count.label})</VisuallyHidden>
          </>
        ) : (
          item.label
        )
      }
      leftSection={item.icon}
      rightSection={
        item.count && item.count.value > 0 ? (
          <Badge size="sm" color="red" variant="filled" aria-hidden data-testid={item.count.testId ?? 'nav-unread'}>
            {item.count.value > 999 ? '999+' : item.count.value}
          </Badge>
        ) : undefined
      }
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onNavigate}
    />
  );
}

/** Navigation for the areas the user's permissions allow; areas not built yet are not listed. */
export function MainNav({ onNavigate }: { onNavigate: () => void }) {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const unread = useUnreadTotal(!!me).data ?? 0;
  // hits awaiting review, for those who review them (read at most once a minute: each read is audited)
  const newHits = useNewHitCount(can(me, 'alerts.write')).data?.count ?? 0;

  const general: Item[] = [
    { to: '/', label: t('nav.home'), icon: <IconHome size={18} aria-hidden />, any: null },
    {
      to: '/messages',
      label: t('nav.messages'),
      icon: <IconMessages size={18} aria-hidden />,
      any: null,
      count: { value: unread, label: t('nav.unread', { count: unread }) },
    },
    { to: '/seizures', label: t('nav.seizures'), icon: <IconPackages size={18} aria-hidden />, any: ['seizures.read'] },
    { to: '/statistics', label: t('statistics:nav'), icon: <IconChartBar size={18} aria-hidden />, any: ['seizures.read'], except: '/statistics/map' },
    { to: '/statistics/map', label: t('statistics:navMap'), icon: <IconMap2 size={18} aria-hidden />, any: ['seizures.read'] },
    { to: '/analysis/graph', label: t('analysis:nav'), icon: <IconAffiliate size={18} aria-hidden />, any: ['registers.read'] },
    { to: '/searches', label: t('searches:nav'), icon: <IconBookmarks size={18} aria-hidden />, any: ['seizures.read'] },
    { to: '/registers', label: t('nav.registers'), icon: <IconAddressBook size={18} aria-hidden />, any: ['registers.read'] },
    { to: '/screening', label: t('nav.screening'), icon: <IconUserSearch size={18} aria-hidden />, any: ['registers.read'] },
    { to: '/duplicates', label: t('nav.duplicates'), icon: <IconGitMerge size={18} aria-hidden />, any: ['registers.merge'] },
    {
      to: '/alerts',
      label: t('nav.alerts'),
      icon: <IconBellRinging size={18} aria-hidden />,
      any: ['alerts.write'],
      count: { value: newHits, label: t('alerts.nav.newHits', { count: newHits }), testId: 'nav-new-hits' },
    },
    {
      to: '/investigations',
      label: t('investigations:nav'),
      icon: <IconFolderSearch size={18} aria-hidden />,
      any: ['investigations.work'],
    },
    // liaison officers run the exchange; investigators (exchange.request) ask for sending and follow their requests
    { to: '/exchange', label: t('exchange:nav'), icon: <IconArrowsExchange size={18} aria-hidden />, any: ['exchange.manage', 'exchange.request'] },
    // supervisors load persons, companies and conveyances from other systems
    { to: '/imports', label: t('imports:nav'), icon: <IconDatabaseImport size={18} aria-hidden />, any: ['imports.run'] },
  ].filter((i) => i.any === null || canAny(me, i.any as Permission[])) as Item[];
  const admin: Item[] = [
    { to: '/admin/users', label: t('nav.users'), icon: <IconUsers size={18} aria-hidden />, any: ['users.read', 'users.manage'] },
    { to: '/admin/units', label: t('nav.units'), icon: <IconBuilding size={18} aria-hidden />, any: ['units.manage'] },
    { to: '/admin/codelists', label: t('nav.codelists'), icon: <IconList size={18} aria-hidden />, any: ['codelists.manage'] },
  ].filter((i) => canAny(me, i.any as Permission[])) as Item[];
  const showAudit = can(me, 'audit.read');

  return (
    <Stack justify="space-between" h="100%" gap="sm">
      <ScrollArea type="auto" style={{ flex: 1 }}>
        <nav aria-label={t('nav.label')}>
          {general.map((i) => (
            <Item key={i.to} item={i} onNavigate={onNavigate} />
          ))}
          {admin.length > 0 && (
            <Box mt="sm" data-testid="nav-admin">
              <Text size="xs" tt="uppercase" fw={700} c="dimmed" px="sm" py={4} component="h2">
                {t('nav.administration')}
              </Text>
              {admin.map((i) => (
                <Item key={i.to} item={i} onNavigate={onNavigate} />
              ))}
            </Box>
          )}
          {showAudit && (
            <Box mt="sm" data-testid="nav-audit">
              <Text size="xs" tt="uppercase" fw={700} c="dimmed" px="sm" py={4} component="h2">
                {t('nav.oversight')}
              </Text>
              <Item
                item={{ to: '/audit', label: t('nav.audit'), icon: <IconShieldCheck size={18} aria-hidden />, any: null }}
                onNavigate={onNavigate}
              />
            </Box>
          )}
          <Divider my="sm" />
          <Item
            item={{ to: '/account', label: t('nav.account'), icon: <IconUser size={18} aria-hidden />, any: null }}
            onNavigate={onNavigate}
          />
        </nav>
      </ScrollArea>
      {me && (
        <Box p="xs" data-testid="current-user" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
          <Text fw={600} size="sm">
            <Data>{me.display_name}</Data>
          </Text>
          <Text size="xs" c="dimmed">
            <Data>{myUnitName(me, i18n.language)}</Data>
          </Text>
          <Group gap={4} mt={4}>
            {me.roles.map((r) => (
              <Badge key={r} size="xs" variant="outline">
                {t(`roles.${r}`, { defaultValue: r })}
              </Badge>
            ))}
          </Group>
        </Box>
      )}
    </Stack>
  );
}
