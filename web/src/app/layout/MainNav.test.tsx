import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { meQuery } from '@/api/queries/me';
import i18n from '@/i18n';
import type { Me } from '@/api/types';
import { renderRoutes } from '@/test/render';
import { RequirePermission } from '../guards';
import { MainNav } from './MainNav';

function withMe(permissions: string[], roles: string[]) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  const me = {
    id: 'u1',
    username: 'someone',
    display_name: 'Some One',
    email: null,
    unit_id: 'unit-1',
    unit_name: 'Port of Le Havre',
    roles,
    permissions,
    disabled: false,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    version: 1,
  } as Me;
  client.setQueryData(meQuery.queryKey, me);
  return client;
}

describe('navigation by permission', () => {
  it('shows an officer neither Administration nor Audit', () => {
    const client = withMe(['codelists.read', 'units.read'], ['officer']);
    renderRoutes([{ path: '*', element: <MainNav onNavigate={() => {}} /> }], '/', client);
    expect(screen.getByRole('link', { name: 'Home' })).toBeInTheDocument();
    expect(screen.queryByText('Administration')).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Audit log' })).not.toBeInTheDocument();
    expect(screen.getByTestId('current-user')).toHaveTextContent('Port of Le Havre');
    expect(screen.getByTestId('current-user')).toHaveTextContent('Officer');
  });

  it('shows an admin the administration areas but not the audit log', () => {
    const client = withMe(
      ['users.read', 'users.manage', 'units.read', 'units.manage', 'codelists.read', 'codelists.manage'],
      ['admin'],
    );
    renderRoutes([{ path: '*', element: <MainNav onNavigate={() => {}} /> }], '/', client);
    for (const name of ['Users', 'Units', 'Code lists']) expect(screen.getByRole('link', { name })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Audit log' })).not.toBeInTheDocument();
  });

  it('shows an auditor the audit log only', () => {
    const client = withMe(['audit.read', 'codelists.read', 'units.read'], ['auditor']);
    renderRoutes([{ path: '*', element: <MainNav onNavigate={() => {}} /> }], '/', client);
    expect(screen.getByRole('link', { name: 'Audit log' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Users' })).not.toBeInTheDocument();
  });

  it('answers a forbidden route with the forbidden state', () => {
    const client = withMe(['codelists.read'], ['officer']);
    renderRoutes(
      [
        {
          path: '/admin/users',
          element: <RequirePermission any={['users.read']} />,
          children: [{ index: true, element: <p>secret list</p> }],
        },
      ],
      '/admin/users',
      client,
    );
    expect(screen.getByTestId('forbidden-state')).toHaveTextContent('Access denied');
    expect(screen.queryByText('secret list')).not.toBeInTheDocument();
  });
  it('shows Seizures and Registers only with their read permissions', () => {
    const client = withMe(['seizures.read', 'seizures.write', 'registers.read', 'codelists.read'], ['officer']);
    renderRoutes([{ path: '*', element: <MainNav onNavigate={() => {}} /> }], '/', client);
    expect(screen.getByRole('link', { name: 'Seizures' })).toHaveAttribute('href', '/seizures');
    expect(screen.getByRole('link', { name: 'Registers' })).toHaveAttribute('href', '/registers');
  });

  it('shows Duplicates to a supervisor only (registers.merge), next to Screening', () => {
    const supervisor = withMe(['registers.read', 'registers.write', 'registers.merge', 'codelists.read'], ['supervisor']);
    const { unmount } = renderRoutes([{ path: '*', element: <MainNav onNavigate={() => {}} /> }], '/', supervisor);
    expect(screen.getByRole('link', { name: 'Duplicates' })).toHaveAttribute('href', '/duplicates');
    const labels = screen.getAllByRole('link').map((l) => l.textContent);
    expect(labels.indexOf('Duplicates')).toBe(labels.indexOf('Screening') + 1);
    unmount();
    const officer = withMe(['registers.read', 'registers.write', 'codelists.read'], ['officer']);
    renderRoutes([{ path: '*', element: <MainNav onNavigate={() => {}} /> }], '/', officer);
    expect(screen.getByRole('link', { name: 'Screening' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Duplicates' })).not.toBeInTheDocument();
  });

  it('shows an administrator no case data', () => {
    const client = withMe(['users.manage', 'units.manage', 'codelists.manage'], ['admin']);
    renderRoutes([{ path: '*', element: <MainNav onNavigate={() => {}} /> }], '/', client);
    expect(screen.queryByRole('link', { name: 'Seizures' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Registers' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Statistics' })).not.toBeInTheDocument();
  });

  it('shows Statistics, after Seizures, to whoever reads cases (seizures.read), in the UI language', () => {
    const client = withMe(['seizures.read', 'registers.read', 'codelists.read'], ['analyst']);
    renderRoutes([{ path: '*', element: <MainNav onNavigate={() => {}} /> }], '/', client);
    expect(screen.getByRole('link', { name: 'Statistics' })).toHaveAttribute('href', '/statistics');
    const labels = screen.getAllByRole('link').map((l) => l.textContent);
    expect(labels.indexOf('Statistics')).toBe(labels.indexOf('Seizures') + 1);
    // the routes map, a page of the statistics with an entry of its own, right after them
    expect(screen.getByRole('link', { name: 'Routes map' })).toHaveAttribute('href', '/statistics/map');
    expect(labels.indexOf('Routes map')).toBe(labels.indexOf('Statistics') + 1);
    // the page's own strings are not loaded with the menu: the entry has its own
    expect(i18n.getFixedT('fr', 'statistics')('nav')).toBe('Statistiques');
    expect(i18n.getFixedT('ar', 'statistics')('nav')).toBe('الإحصاءات');
  });

  it('shows Saved searches, after the statistics, to whoever reads cases, in the UI language', () => {
    const client = withMe(['seizures.read', 'codelists.read'], ['analyst']);
    renderRoutes([{ path: '*', element: <MainNav onNavigate={() => {}} /> }], '/searches/s1', client);
    const entry = screen.getByRole('link', { name: 'Saved searches' });
    expect(entry).toHaveAttribute('href', '/searches');
    expect(entry).toHaveAttribute('aria-current', 'page');
    const labels = screen.getAllByRole('link').map((l) => l.textContent);
    expect(labels.indexOf('Saved searches')).toBe(labels.indexOf('Routes map') + 1);
    // the menu's entry and the notifications' label come with the layout, not with the page
    expect(i18n.getFixedT('fr', 'searches')('nav')).toBe('Recherches enregistrées');
    expect(i18n.getFixedT('ar', 'searches')('notificationKinds.search_hit')).toBe('عثر بحث محفوظ على نتائج جديدة');
  });

  it('shows Saved searches after Link analysis to whoever reads the registers too, and not to whoever does not read cases', () => {
    const { unmount } = renderRoutes(
      [{ path: '*', element: <MainNav onNavigate={() => {}} /> }],
      '/',
      withMe(['seizures.read', 'registers.read', 'codelists.read'], ['analyst']),
    );
    const labels = screen.getAllByRole('link').map((l) => l.textContent);
    expect(labels.indexOf('Saved searches')).toBe(labels.indexOf('Link analysis') + 1);
    unmount();
    renderRoutes([{ path: '*', element: <MainNav onNavigate={() => {}} /> }], '/', withMe(['registers.read', 'codelists.read'], ['officer']));
    expect(screen.queryByRole('link', { name: 'Saved searches' })).not.toBeInTheDocument();
  });

  it('marks the routes map, not Statistics, as the current page on the map', () => {
    const client = withMe(['seizures.read', 'codelists.read'], ['analyst']);
    renderRoutes([{ path: '*', element: <MainNav onNavigate={() => {}} /> }], '/statistics/map', client);
    expect(screen.getByRole('link', { name: 'Routes map' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Statistics' })).not.toHaveAttribute('aria-current');
  });

  it('shows Link analysis, after the statistics, to whoever reads the registers', () => {
    const client = withMe(['seizures.read', 'registers.read', 'codelists.read'], ['analyst']);
    const { unmount } = renderRoutes([{ path: '*', element: <MainNav onNavigate={() => {}} /> }], '/analysis/graph', client);
    const link = screen.getByRole('link', { name: 'Link analysis' });
    expect(link).toHaveAttribute('href', '/analysis/graph');
    expect(link).toHaveAttribute('aria-current', 'page');
    const labels = screen.getAllByRole('link').map((l) => l.textContent);
    expect(labels.indexOf('Link analysis')).toBe(labels.indexOf('Routes map') + 1);
    expect(i18n.getFixedT('fr', 'analysis')('nav')).toBe('Analyse des liens');
    unmount();
    renderRoutes([{ path: '*', element: <MainNav onNavigate={() => {}} /> }], '/', withMe(['codelists.read'], ['officer']));
    expect(screen.queryByRole('link', { name: 'Link analysis' })).not.toBeInTheDocument();
  });

  it('shows Messages to everyone, with the unread total', () => {
    const client = withMe(['codelists.read'], ['officer']);
    client.setQueryData(['threads', 'unread'], 3);
    renderRoutes([{ path: '*', element: <MainNav onNavigate={() => {}} /> }], '/', client);
    const link = screen.getByRole('link', { name: 'Messages (unread: 3)' });
    expect(link).toHaveAttribute('href', '/messages');
    expect(screen.getByTestId('nav-unread')).toHaveTextContent('3');
  });

  it('shows Exchange to investigators who may ask for sending (exchange.request), current on their requests', () => {
    const investigator = withMe(['seizures.read', 'codelists.read', 'exchange.request'], ['investigator']);
    renderRoutes([{ path: '*', element: <MainNav onNavigate={() => {}} /> }], '/exchange/outbox/abc', investigator);
    const entry = screen.getByRole('link', { name: 'Exchange' });
    expect(entry).toHaveAttribute('href', '/exchange');
    expect(entry).toHaveAttribute('aria-current', 'page');
  });

  it('shows Exchange to liaison officers (exchange.manage), current on every exchange page', () => {
    const liaison = withMe(['seizures.read', 'registers.read', 'codelists.read', 'exchange.manage'], ['liaison']);
    const { unmount } = renderRoutes([{ path: '*', element: <MainNav onNavigate={() => {}} /> }], '/exchange/agreements', liaison);
    const entry = screen.getByRole('link', { name: 'Exchange' });
    expect(entry).toHaveAttribute('href', '/exchange');
    expect(entry).toHaveAttribute('aria-current', 'page');
    // the entry comes with the layout, not with the pages
    expect(i18n.getFixedT('fr', 'exchange')('nav')).toBe('Échanges');
    expect(i18n.getFixedT('ar', 'exchange')('nav')).toBe('التبادل');
    unmount();
    renderRoutes([{ path: '*', element: <MainNav onNavigate={() => {}} /> }], '/', withMe(['seizures.read', 'seizures.validate', 'codelists.read'], ['supervisor']));
    expect(screen.queryByRole('link', { name: 'Exchange' })).not.toBeInTheDocument();
  });

  it('shows Investigations to whoever may work on them (investigations.work) only', () => {
    const officer = withMe(['investigations.work', 'codelists.read'], ['officer']);
    const { unmount } = renderRoutes([{ path: '*', element: <MainNav onNavigate={() => {}} /> }], '/', officer);
    expect(screen.getByRole('link', { name: 'Investigations' })).toHaveAttribute('href', '/investigations');
    unmount();
    const liaison = withMe(['seizures.read', 'codelists.read'], ['liaison']);
    renderRoutes([{ path: '*', element: <MainNav onNavigate={() => {}} /> }], '/', liaison);
    expect(screen.queryByRole('link', { name: 'Investigations' })).not.toBeInTheDocument();
  });
  it('shows Data imports to whoever may run imports (imports.run) only, current on an import', () => {
    const supervisor = withMe(['seizures.read', 'registers.read', 'registers.write', 'codelists.read', 'imports.run'], ['supervisor']);
    const { unmount } = renderRoutes([{ path: '*', element: <MainNav onNavigate={() => {}} /> }], '/imports/abc', supervisor);
    const entry = screen.getByRole('link', { name: 'Data imports' });
    expect(entry).toHaveAttribute('href', '/imports');
    expect(entry).toHaveAttribute('aria-current', 'page');
    // the entry comes with the layout, not with the pages
    expect(i18n.getFixedT('fr', 'imports')('nav')).toBe('Imports de données');
    expect(i18n.getFixedT('ar', 'imports')('nav')).toBe('استيراد البيانات');
    unmount();
    renderRoutes([{ path: '*', element: <MainNav onNavigate={() => {}} /> }], '/', withMe(['registers.read', 'registers.write', 'codelists.read'], ['officer']));
    expect(screen.queryByRole('link', { name: 'Data imports' })).not.toBeInTheDocument();
  });
});
