import { Suspense } from 'react';
import { AppShell, Burger, Group, Text, Anchor, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet, Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AlertNoticesContext, type AlertNoticesProps } from '@/components/alertNoticesContext';
import { AlertNoticesBanner } from '@/features/alerts/components/AlertNoticesBanner';
import { LiveEvents } from '@/features/messaging/components/LiveEvents';
import { LoadingState } from '@/components/states';
import { RequireAuth } from '../guards';
import { MainNav } from './MainNav';
import { HeaderMenus } from './HeaderMenus';
import classes from './layout.module.css';

/** Alert notices on case and record pages, which may not import the alerts feature themselves. */
const renderAlertNotices = (props: AlertNoticesProps) => <AlertNoticesBanner {...props} />;

export function AuthenticatedLayout() {
  return (
    <RequireAuth>
      <LiveEvents />
      <AlertNoticesContext.Provider value={renderAlertNotices}>
        <Frame />
      </AlertNoticesContext.Provider>
    </RequireAuth>
  );
}

function Frame() {
  const [opened, { toggle, close }] = useDisclosure();
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#main" className={classes.skip}>
        {t('nav.skipToContent')}
      </a>
      <AppShell.Header className={classes.header}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              color="white"
              aria-label={t('nav.toggle')}
            />
            <Anchor component={Link} to="/" c="white" underline="never" className={classes.brand}>
              <Text span fw={700} size="lg">
                nCEN
              </Text>
              <VisuallyHidden> — </VisuallyHidden>
              <Text span size="sm" visibleFrom="md" className={classes.brandSub}>
                {t('app.subtitle')}
              </Text>
            </Anchor>
          </Group>
          <HeaderMenus />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('nav.label')}>
        <MainNav onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense fallback={<LoadingState />} key={location.pathname}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
