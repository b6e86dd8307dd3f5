import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Me } from '@/api/types';

export function ProfileCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const rows: [string, React.ReactNode][] = [
    [t('users.fields.username'), me.username],
    [t('users.fields.displayName'), me.display_name],
    [t('users.fields.email'), me.email ?? '—'],
    [t('users.fields.unit'), me.unit_name],
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
