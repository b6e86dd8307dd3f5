import { createBrowserRouter, type RouteObject } from 'react-router';
import { FullPageLoader, RequirePermission } from './guards';
import { RouteError } from './RouteError';

/** Feature routes are lazy: the sign-in route loads none of them. */
export const routes: RouteObject[] = [
  {
    path: '/signin',
    errorElement: <RouteError />,
    HydrateFallback: FullPageLoader,
    lazy: () => import('@/features/auth/routes/SignInPage').then((m) => ({ Component: m.SignInPage })),
  },
  {
    path: '/',
    errorElement: <RouteError />,
    HydrateFallback: FullPageLoader,
    lazy: () => import('./layout/AuthenticatedLayout').then((m) => ({ Component: m.AuthenticatedLayout })),
    children: [
      {
        index: true,
        lazy: () => import('./home/HomePage').then((m) => ({ Component: m.HomePage })),
      },
      {
        path: 'account',
        lazy: () => import('@/features/account/routes/AccountPage').then((m) => ({ Component: m.AccountPage })),
      },
      {
        path: 'seizures',
        element: <RequirePermission any={['seizures.read']} />,
        children: [
          {
            index: true,
            lazy: () => import('@/features/seizures/routes/SeizuresPage').then((m) => ({ Component: m.SeizuresPage })),
          },
          {
            path: 'new',
            lazy: () =>
              import('@/features/seizures/routes/SeizureFormPages').then((m) => ({ Component: m.SeizureNewPage })),
          },
          {
            path: ':id',
            lazy: () =>
              import('@/features/seizures/routes/SeizureDetailPage').then((m) => ({ Component: m.SeizureDetailPage })),
          },
          {
            path: ':id/edit',
            lazy: () =>
              import('@/features/seizures/routes/SeizureFormPages').then((m) => ({ Component: m.SeizureEditPage })),
          },
        ],
      },
      {
        path: 'statistics',
        element: <RequirePermission any={['seizures.read']} />,
        children: [
          {
            index: true,
            lazy: () => import('@/features/statistics/routes/StatisticsPage').then((m) => ({ Component: m.StatisticsPage })),
          },
          {
            path: 'map',
            lazy: () => import('@/features/statistics/routes/RoutesMapPage').then((m) => ({ Component: m.RoutesMapPage })),
          },
        ],
      },
      {
        path: 'searches',
        element: <RequirePermission any={['seizures.read']} />,
        children: [
          {
            index: true,
            lazy: () => import('@/features/searches/routes/SavedSearchesPage').then((m) => ({ Component: m.SavedSearchesPage })),
          },
          {
            path: ':id',
            lazy: () => import('@/features/searches/routes/SavedSearchPage').then((m) => ({ Component: m.SavedSearchPage })),
          },
        ],
      },
      {
        // link analysis reads cases and the registers: the server asks for both
        path: 'analysis/graph',
        element: <RequirePermission any={['registers.read']} />,
        children: [
          {
            index: true,
            lazy: () => import('@/features/analysis/routes/LinkAnalysisPage').then((m) => ({ Component: m.LinkAnalysisPage })),
          },
        ],
      },
      {
        path: 'messages',
        children: [
          {
            index: true,
            lazy: () => import('@/features/messaging/routes/InboxPage').then((m) => ({ Component: m.InboxPage })),
          },
          {
            path: 'new',
            lazy: () => import('@/features/messaging/routes/ComposePage').then((m) => ({ Component: m.ComposePage })),
          },
          {
            path: ':id',
            lazy: () => import('@/features/messaging/routes/ThreadPage').then((m) => ({ Component: m.ThreadPage })),
          },
        ],
      },
      {
        path: 'notifications',
        lazy: () =>
          import('@/features/messaging/routes/NotificationsPage').then((m) => ({ Component: m.NotificationsPage })),
      },
      {
        path: 'registers',
        element: <RequirePermission any={['registers.read']} />,
        children: [
          {
            index: true,
            lazy: () => import('@/features/registers/routes/RegistersPage').then((m) => ({ Component: m.RegistersPage })),
          },
          {
            path: 'persons/:id',
            lazy: () => import('@/features/registers/routes/RecordPages').then((m) => ({ Component: m.PersonPage })),
          },
          {
            path: 'persons/:id/edit',
            lazy: () =>
              import('@/features/registers/routes/RecordEditPages').then((m) => ({ Component: m.PersonEditPage })),
          },
          {
            path: 'companies/import',
            element: <RequirePermission any={['registers.write']} />,
            children: [
              {
                index: true,
                lazy: () =>
                  import('@/features/registers/routes/CompanyImportPage').then((m) => ({ Component: m.CompanyImportPage })),
              },
            ],
          },
          {
            path: 'companies/:id',
            lazy: () => import('@/features/registers/routes/RecordPages').then((m) => ({ Component: m.CompanyPage })),
          },
          {
            path: 'companies/:id/edit',
            lazy: () =>
              import('@/features/registers/routes/RecordEditPages').then((m) => ({ Component: m.CompanyEditPage })),
          },
          {
            path: 'conveyances/:id',
            lazy: () => import('@/features/registers/routes/RecordPages').then((m) => ({ Component: m.ConveyancePage })),
          },
          {
            path: 'conveyances/:id/edit',
            lazy: () =>
              import('@/features/registers/routes/RecordEditPages').then((m) => ({ Component: m.ConveyanceEditPage })),
          },
        ],
      },
      {
        path: 'screening',
        element: <RequirePermission any={['registers.read']} />,
        children: [
          {
            index: true,
            lazy: () => import('@/features/screening/routes/ScreeningPage').then((m) => ({ Component: m.ScreeningPage })),
          },
        ],
      },
      {
        path: 'duplicates',
        element: <RequirePermission any={['registers.merge']} />,
        children: [
          {
            index: true,
            lazy: () => import('@/features/duplicates/routes/DuplicatesPage').then((m) => ({ Component: m.DuplicatesPage })),
          },
          {
            path: ':id',
            lazy: () =>
              import('@/features/duplicates/routes/DuplicatePairPage').then((m) => ({ Component: m.DuplicatePairPage })),
          },
        ],
      },
      {
        path: 'alerts',
        element: <RequirePermission any={['alerts.write']} />,
        children: [
          {
            index: true,
            lazy: () => import('@/features/alerts/routes/AlertsPage').then((m) => ({ Component: m.AlertsPage })),
          },
          {
            path: 'new',
            lazy: () => import('@/features/alerts/routes/AlertFormPages').then((m) => ({ Component: m.AlertNewPage })),
          },
          // the hit queue and a hit, before `:id` (the router ranks static segments first anyway)
          {
            path: 'hits',
            lazy: () => import('@/features/alerts/routes/HitsPage').then((m) => ({ Component: m.HitsPage })),
          },
          {
            path: 'hits/:id',
            lazy: () => import('@/features/alerts/routes/HitDetailPage').then((m) => ({ Component: m.HitDetailPage })),
          },
          {
            path: ':id',
            lazy: () => import('@/features/alerts/routes/AlertDetailPage').then((m) => ({ Component: m.AlertDetailPage })),
          },
          {
            path: ':id/edit',
            lazy: () => import('@/features/alerts/routes/AlertFormPages').then((m) => ({ Component: m.AlertEditPage })),
          },
        ],
      },
      {
        path: 'investigations',
        element: <RequirePermission any={['investigations.work']} />,
        children: [
          {
            index: true,
            lazy: () =>
              import('@/features/investigations/routes/InvestigationsPage').then((m) => ({ Component: m.InvestigationsPage })),
          },
          {
            path: 'new',
            lazy: () =>
              import('@/features/investigations/routes/InvestigationFormPages').then((m) => ({ Component: m.InvestigationNewPage })),
          },
          {
            path: ':id',
            lazy: () =>
              import('@/features/investigations/routes/InvestigationDetailPage').then((m) => ({
                Component: m.InvestigationDetailPage,
              })),
          },
          {
            path: ':id/edit',
            lazy: () =>
              import('@/features/investigations/routes/InvestigationFormPages').then((m) => ({ Component: m.InvestigationEditPage })),
          },
        ],
      },
      {
        path: 'exchange',
        element: <RequirePermission any={['exchange.manage', 'exchange.request']} />,
        children: [
          {
            index: true,
            lazy: () => import('@/features/exchange/routes/ExchangeIndex').then((m) => ({ Component: m.ExchangeIndex })),
          },
          // a liaison officer previews and sends; whoever may only ask gets the request form
          {
            path: 'preview',
            lazy: () => import('@/features/exchange/routes/PreviewPage').then((m) => ({ Component: m.PreviewPage })),
          },
          {
            path: 'outbox',
            lazy: () => import('@/features/exchange/routes/OutboxPage').then((m) => ({ Component: m.OutboxPage })),
          },
          {
            path: 'outbox/:id',
            lazy: () => import('@/features/exchange/routes/OutboxPackagePage').then((m) => ({ Component: m.OutboxPackagePage })),
          },
          {
            element: <RequirePermission any={['exchange.manage']} />,
            children: [
              {
                path: 'partners',
                lazy: () => import('@/features/exchange/routes/PartnersPage').then((m) => ({ Component: m.PartnersPage })),
              },
              {
                path: 'agreements',
                lazy: () => import('@/features/exchange/routes/AgreementsPage').then((m) => ({ Component: m.AgreementsPage })),
              },
              {
                path: 'inbox',
                lazy: () => import('@/features/exchange/routes/InboxPage').then((m) => ({ Component: m.InboxPage })),
              },
              {
                path: 'inbox/:id',
                lazy: () => import('@/features/exchange/routes/InboxPackagePage').then((m) => ({ Component: m.InboxPackagePage })),
              },
              {
                path: 'received',
                lazy: () => import('@/features/exchange/routes/ReceivedCasesPage').then((m) => ({ Component: m.ReceivedCasesPage })),
              },
              {
                path: 'received/:id',
                lazy: () => import('@/features/exchange/routes/ReceivedCasePage').then((m) => ({ Component: m.ReceivedCasePage })),
              },
              {
                path: 'cen',
                lazy: () => import('@/features/exchange/routes/CenExportPage').then((m) => ({ Component: m.CenExportPage })),
              },
            ],
          },
        ],
      },
      {
        path: 'imports',
        element: <RequirePermission any={['imports.run']} />,
        children: [
          {
            index: true,
            lazy: () => import('@/features/imports/routes/ImportsPage').then((m) => ({ Component: m.ImportsPage })),
          },
          {
            path: ':id',
            lazy: () => import('@/features/imports/routes/ImportPage').then((m) => ({ Component: m.ImportPage })),
          },
        ],
      },
      {
        path: 'admin/users',
        element: <RequirePermission any={['users.read', 'users.manage']} />,
        children: [
          {
            index: true,
            lazy: () => import('@/features/users/routes/UsersPage').then((m) => ({ Component: m.UsersPage })),
          },
          {
            path: ':id',
            lazy: () =>
              import('@/features/users/routes/UserDetailPage').then((m) => ({ Component: m.UserDetailPage })),
          },
        ],
      },
      {
        path: 'admin/units',
        element: <RequirePermission any={['units.manage']} />,
        children: [
          {
            index: true,
            lazy: () => import('@/features/units/routes/UnitsPage').then((m) => ({ Component: m.UnitsPage })),
          },
        ],
      },
      {
        path: 'admin/codelists',
        element: <RequirePermission any={['codelists.manage']} />,
        children: [
          {
            index: true,
            lazy: () =>
              import('@/features/codelists/routes/CodeListsPage').then((m) => ({ Component: m.CodeListsPage })),
          },
          {
            path: ':name',
            lazy: () =>
              import('@/features/codelists/routes/CodeListPage').then((m) => ({ Component: m.CodeListPage })),
          },
        ],
      },
      {
        path: 'audit',
        element: <RequirePermission any={['audit.read']} />,
        children: [
          {
            index: true,
            lazy: () => import('@/features/audit/routes/AuditPage').then((m) => ({ Component: m.AuditPage })),
          },
        ],
      },
      {
        path: '*',
        lazy: () => import('@/components/states').then((m) => ({ Component: m.NotFoundState })),
      },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
