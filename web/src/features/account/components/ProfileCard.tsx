import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Me } from '@/api/types';
import { Data } from '@/components/Bidi';
import { myUnitName } from '@/lib/units';

export function ProfileCard({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const rows: [string, React.ReactNode][] = [
    [t('users.fields.username'), <Data key="username">{me.username}</Data>],
    [t('users.fields.displayName'), <Data key="name">{me.display_name}</Data>],
    [t('users.fields.email'), me.email ? <Data key="email">{me.email}</Data> : '—'],
    [t('users.fields.unit'), <Data key="unit">{myUnitName(me, i18n.language)}</Data>],
    [
      t('users.fields.roles'),
      <Group gap={4} key="roles">
        {me.roles.map((r) => (
          <Badge key={r} variant="outline">
            {t(`roles.${r}`, { defaultValue: r })}
          </Badge>
        ))}
      </Group>,
    ],
  ];
  return (
    <Paper withBorder p="md" data-testid="profile">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {rows.map(([label, value]) => (
          <Stack gap={2} key={label}>
            <Text size="xs" c="dimmed" fw={600}>
              {label}
            </Text>
            <Text component="div">{value}</Text>
          </Stack>
        ))}
      </SimpleGrid>
    </Paper>
  );
}
