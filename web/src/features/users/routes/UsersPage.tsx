import { useState } from 'react';
import { Anchor, Badge, Button, Group, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/api/queries/me';
import { useUnitNames } from '@/api/queries/units';
import { Data } from '@/components/Bidi';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import type { Role } from '@/api/types';
import { can, ROLES } from '@/lib/permissions';
import { useUserList } from '../api/users';
import { CreateUserModal } from '../components/CreateUserModal';

export function UsersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const unitName = useUnitNames();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [includeDisabled, setIncludeDisabled] = useState(true);
  const [createOpen, createModal] = useDisclosure(false);
  const [role, setRole] = useState<Role | null>(null);
  const list = useUserList(q, includeDisabled, role);
  const users = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          can(me, 'users.manage') && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={createModal.open}>
              {t('users.create')}
            </Button>
          )
        }
      />
      <Group align="flex-end">
        <TextInput
          label={t('users.search')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          type="search"
          w={320}
        />
        <Select
          label={t('users.fields.role')}
          placeholder={t('users.anyRole')}
          data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={role}
          onChange={(v) => setRole((v as Role | null) ?? null)}
          clearable
          w={220}
        />
        <Switch
          label={t('users.includeDisabled')}
          checked={includeDisabled}
          onChange={(e) => setIncludeDisabled(e.currentTarget.checked)}
          mb={8}
        />
      </Group>

      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : users.length === 0 ? (
        <EmptyState title={q || role ? t('users.noMatch') : t('users.empty')} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover aria-label={t('users.title')} data-testid="users-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('users.fields.username')}</Table.Th>
                  <Table.Th scope="col">{t('users.fields.displayName')}</Table.Th>
                  <Table.Th scope="col">{t('users.fields.unit')}</Table.Th>
                  <Table.Th scope="col">{t('users.fields.roles')}</Table.Th>
                  <Table.Th scope="col">{t('users.fields.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.map((u) => (
                  <Table.Tr key={u.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/admin/users/${u.id}`}>
                        <Data>{u.username}</Data>
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Data>{u.display_name}</Data>
                    </Table.Td>
                    <Table.Td>
                      <Data>{unitName(u.unit_id, u.unit_name)}</Data>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {u.roles.map((r) => (
                          <Badge key={r} size="sm" variant="outline">
                            {t(`roles.${r}`, { defaultValue: r })}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {u.disabled ? (
                        <Badge color="gray" variant="dot">
                          {t('users.disabled')}
                        </Badge>
                      ) : (
                        <Badge color="green" variant="dot">
                          {t('users.active')}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t('common.shown', { count: users.length })}
            </Text>
            {list.hasNextPage && (
              <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                {t('common.loadMore')}
              </Button>
            )}
          </Group>
        </>
      )}

      <CreateUserModal
        opened={createOpen}
        onClose={createModal.close}
        onCreated={(user) => {
          createModal.close();
          notifications.show({ color: 'green', message: t('users.created', { username: user.username }) });
          void navigate(`/admin/users/${user.id}`);
        }}
      />
    </Stack>
  );
}
