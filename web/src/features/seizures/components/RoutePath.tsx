import { Fragment } from 'react';
import { Badge, Box, Group, Stack, Text, useDirection } from '@mantine/core';
import { IconArrowNarrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RouteLeg } from '@/api/types';
import { useCodeBook } from '@/api/queries/codelists';
import { Bidi, Data } from '@/components/Bidi';
import { EmptyState } from '@/components/states';

/** The route as an ordered path of countries (by position), with each leg's role, place and dates. */
export function RoutePath({ legs }: { legs: readonly RouteLeg[] }) {
  const { t } = useTranslation();
  const { dir } = useDirection();
  const countries = useCodeBook('countries');
  const roles = useCodeBook('route_leg_roles');
  if (legs.length === 0) return <EmptyState title={t('seizures.route.empty')} />;
  const ordered = [...legs].sort((a, b) => a.position - b.position);
  return (
    <Group component="ol" gap="xs" align="stretch" data-testid="route-path" aria-label={t('seizures.route.title')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {ordered.map((leg, i) => (
        <Fragment key={`${leg.position}-${leg.country}`}>
          {i > 0 && (
            <Box component="li" aria-hidden style={{ alignSelf: 'center', display: 'flex' }}>
              <IconArrowNarrowRight size={20} style={{ transform: dir === 'rtl' ? 'scaleX(-1)' : undefined }} color="var(--mantine-color-gray-7)" />
            </Box>
          )}
          <Box
            component="li"
            data-testid="route-leg"
            data-country={leg.country}
            p="xs"
            style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 'var(--mantine-radius-md)', minWidth: 120 }}
          >
            <Stack gap={2}>
              <Group gap={6} wrap="nowrap">
                <Badge variant="filled" size="sm" circle aria-hidden>
                  {leg.position}
                </Badge>
                <Text fw={600} size="sm">
                  {countries.label(leg.country)}
                </Text>
              </Group>
              <Text size="xs" c="dimmed">
                {roles.label(leg.role)}
                {(leg.place || leg.unlocode) && (
                  <>
                    {' · '}
                    <Data>{[leg.place, leg.unlocode].filter(Boolean).join(' ')}</Data>
                  </>
                )}
              </Text>
              {(leg.departure_date || leg.arrival_date) && (
                <Text size="xs" c="dimmed">
                  {/* from departure to arrival, in the reading direction */}
                  <Bidi ltr>{leg.departure_date ?? '…'}</Bidi> {dir === 'rtl' ? '←' : '→'} <Bidi ltr>{leg.arrival_date ?? '…'}</Bidi>
                </Text>
              )}
            </Stack>
          </Box>
        </Fragment>
      ))}
    </Group>
  );
}
