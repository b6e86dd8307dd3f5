import type { ReactNode } from 'react';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { Bidi } from '@/components/Bidi';

/**
 * A labelled value: text isolated (elements isolate their own data); `free` text typed by a
 * user (a reason, instructions) takes its direction from its first letter, as a paragraph of
 * its own.
 */
export function Field({ label, children, testId, free }: { label: string; children: ReactNode; testId?: string; free?: boolean }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text component="div" size="sm" data-testid={testId} dir={free && children ? 'auto' : undefined} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {!children ? '—' : free || typeof children !== 'string' ? children : <Bidi>{children}</Bidi>}
      </Text>
    </Stack>
  );
}

/** A titled part of a page (a region named by its title). */
export function Section({ title, children, testId, description }: { title: string; children: ReactNode; testId?: string; description?: string }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title} data-testid={testId}>
      <Title order={2} size="h4" mb={description ? 2 : 'sm'}>
        {title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed" mb="sm">
          {description}
        </Text>
      )}
      {children}
    </Paper>
  );
}
