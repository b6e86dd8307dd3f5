import { Button, Group } from '@mantine/core';
import { IconMap2, IconTable } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import '@/i18n/statistics';
import { mapView, viewToParams, type StatsView } from '../lib/view';

/**
 * The two ways of reading the statistics, as links: the table and chart (`/statistics`) and
 * the routes map (`/statistics/map`). Each keeps the range, the status, the filters and the
 * measure of the view on screen.
 */
export function StatsViewLinks({ view, current }: { view: StatsView; current: 'table' | 'map' }) {
  const { t } = useTranslation();
  const location = useLocation();
  const search = `?${viewToParams(mapView(view)).toString()}`;
  const links = [
    { id: 'table', to: '/statistics', icon: <IconTable size={16} aria-hidden /> },
    { id: 'map', to: '/statistics/map', icon: <IconMap2 size={16} aria-hidden /> },
  ] as const;
  return (
    <Group gap={4} role="group" aria-label={t('statistics:views.label')} data-testid="stats-views">
      {links.map((l) => (
        <Button
          key={l.id}
          component={Link}
          to={{ pathname: l.to, search: l.id === current ? location.search : search }}
          size="xs"
          variant={l.id === current ? 'filled' : 'default'}
          leftSection={l.icon}
          aria-current={l.id === current ? 'page' : undefined}
          data-testid={`stats-view-${l.id}`}
        >
          {t(`statistics:views.${l.id}`)}
        </Button>
      ))}
    </Group>
  );
}
