import type { ReactNode } from 'react';
import { Group, Stack, Text, Title } from '@mantine/core';
import { Bidi } from './Bidi';

/**
 * A page's title, description and actions. Title and description are isolated: one that is
 * data or starts with it (a code list's name, a record's name) keeps its direction in Arabic,
 * its final full stop included.
 */
export function PageHeader({ title, description, actions }: { title: string; description?: string; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" mb="md" wrap="wrap">
      <Stack gap={4}>
        <Title order={1} size="h2">
          <Bidi>{title}</Bidi>
        </Title>
        {description && (
          <Text c="dimmed">
            <Bidi>{description}</Bidi>
          </Text>
        )}
      </Stack>
      {actions && <Group gap="sm">{actions}</Group>}
    </Group>
  );
}
