import type { ReactNode } from 'react';
import { Group, Paper, Stack, Text, Title } from '@mantine/core';

/** One block of the home page: a titled panel with what waits for the user, and its actions. */
export function HomeBlock({
  id,
  title,
  help,
  actions,
  children,
}: {
  /** `home-<id>` is its test id; its heading's id names the panel. */
  id: string;
  title: string;
  help?: string;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const headingId = `home-${id}-title`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId} data-testid={`home-${id}`}>
      <Group justify="space-between" align="flex-start" mb={children ? 'sm' : 0} wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Title order={2} size="h4" id={headingId}>
            {title}
          </Title>
          {help && (
            <Text size="sm" c="dimmed">
              {help}
            </Text>
          )}
        </Stack>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
      {children}
    </Paper>
  );
}
