import { Button, Group, Menu, Text } from '@mantine/core';
import { IconChevronDown, IconHelp, IconLanguage, IconLogout, IconUser, IconExternalLink } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { signOut } from '@/api/auth';
import { useMe } from '@/api/queries/me';
import { Data } from '@/components/Bidi';
import { NotificationBell } from '@/features/messaging/components/NotificationBell';
import { LANGUAGES } from '@/i18n';
import { apiDocsUrl } from '@/lib/config';
import { myUnitName } from '@/lib/units';

export function HeaderMenus() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const current = LANGUAGES.find((l) => l.code === i18n.language) ?? LANGUAGES[0];

  return (
    <Group gap="xs" wrap="nowrap">
      <NotificationBell />
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="subtle"
            color="white"
            c="white"
            size="compact-sm"
            leftSection={<IconLanguage size={16} aria-hidden />}
            aria-label={t('header.language', { current: current.label })}
            data-testid="language-menu"
          >
            <Text span size="sm" visibleFrom="xs">
              {current.label}
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {LANGUAGES.map((l) => (
            <Menu.Item
              key={l.code}
              lang={l.code}
              dir={l.dir}
              onClick={() => void i18n.changeLanguage(l.code)}
              aria-current={l.code === current.code ? 'true' : undefined}
            >
              {l.label}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>

      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="subtle"
            color="white"
            c="white"
            size="compact-sm"
            leftSection={<IconHelp size={16} aria-hidden />}
            data-testid="help-menu"
          >
            <Text span size="sm" visibleFrom="xs">
              {t('header.help')}
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item
            component="a"
            href="/help/"
            target="_blank"
            rel="noopener"
            leftSection={<IconExternalLink size={14} aria-hidden />}
          >
            {t('header.userGuide')}
          </Menu.Item>
          <Menu.Item
            component="a"
            href={apiDocsUrl()}
            target="_blank"
            rel="noopener"
            leftSection={<IconExternalLink size={14} aria-hidden />}
          >
            {t('header.apiReference')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>

      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="subtle"
            color="white"
            c="white"
            size="compact-sm"
            leftSection={<IconUser size={16} aria-hidden />}
            rightSection={<IconChevronDown size={14} aria-hidden />}
            data-testid="user-menu"
          >
            <Text span size="sm" maw={180} truncate>
              {me ? <Data>{me.display_name}</Data> : '…'}
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {me && (
            <Menu.Label>
              <Data>{me.username}</Data> · <Data>{myUnitName(me, i18n.language)}</Data>
            </Menu.Label>
          )}
          <Menu.Item leftSection={<IconUser size={14} aria-hidden />} onClick={() => void navigate('/account')}>
            {t('nav.account')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item
            leftSection={<IconLogout size={14} aria-hidden />}
            onClick={() => {
              void signOut().finally(() => void navigate('/signin', { replace: true }));
            }}
          >
            {t('header.signOut')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
