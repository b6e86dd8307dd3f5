import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { renderRoutes } from '@/test/render';
import { notificationKeys } from '../api/notifications';
import type { NotificationDto, NotificationPage } from '../api/types';
import { NotificationBell } from './NotificationBell';

const note = (id: string, title: string, read_at: string | null, extra: Partial<NotificationDto> = {}): NotificationDto => ({
  id,
  kind: 'message',
  title,
  link: `/messages/t-${id}`,
  thread_id: `t-${id}`,
  count: 1,
  created_at: '2026-03-01T10:00:00Z',
  read_at,
  ...extra,
});

const page = (items: NotificationDto[]): NotificationPage => ({ items, next_cursor: null, unread_total: items.filter((n) => !n.read_at).length });

function setup(initial: NotificationPage, after: NotificationPage) {
  const calls: string[] = [];
  let current = initial;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      const path = new URL(req.url).pathname;
      calls.push(`${req.method} ${path}`);
      if (req.method === 'POST') {
        current = after;
        return new Response(null, { status: 204 });
      }
      return new Response(JSON.stringify(current), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(notificationKeys.recent, initial);
  const utils = renderRoutes(
    [
      { path: '/', element: <NotificationBell /> },
      { path: '/messages/:id', element: <p>thread page</p> },
      { path: '/searches/:id', element: <p>saved search page</p> },
    ],
    '/',
    client,
  );
  return { ...utils, calls };
}

describe('NotificationBell', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the unread count and marks everything read', async () => {
    const warning = note('n1', 'Reefer MSCU1234565 to watch', null, { kind: 'warning' });
    const message = note('n2', 'Question about FR-2026-7', null, { count: 3 });
    const old = note('n3', 'Older thread', '2026-02-01T00:00:00Z');
    const { calls } = setup(page([warning, message, old]), page([{ ...warning, read_at: 'x' }, { ...message, read_at: 'x' }, old]));

    const bell = screen.getByTestId('notification-bell');
    expect(bell).toHaveAccessibleName('Notifications (unread: 2)');
    await userEvent.click(bell);
    const dialog = await screen.findByRole('dialog', { name: 'Notifications' });
    const items = within(dialog).getAllByTestId('notification');
    expect(items.map((i) => i.getAttribute('data-unread'))).toEqual(['true', 'true', 'false']);
    expect(items[0]).toHaveTextContent('Warning');
    expect(items[1]).toHaveTextContent('New messages: 3');
    expect(within(dialog).getByRole('link', { name: 'Reefer MSCU1234565 to watch' })).toHaveAttribute('href', '/messages/t-n1');

    await userEvent.click(within(dialog).getByRole('button', { name: 'Mark all as read' }));
    await waitFor(() => expect(bell).toHaveAccessibleName('Notifications'));
    expect(calls).toContain('POST /api/v1/notifications/read');
  });

  it('marks one read, and opening one goes to its thread', async () => {
    const a = note('n1', 'First', null);
    const b = note('n2', 'Second', null);
    const { calls, router } = setup(page([a, b]), page([{ ...a, read_at: 'x' }, b]));
    await userEvent.click(screen.getByTestId('notification-bell'));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Mark “First” as read' }));
    await waitFor(() => expect(screen.getByTestId('notification-bell')).toHaveAccessibleName('Notifications (unread: 1)'));
    expect(calls).toContain('POST /api/v1/notifications/n1/read');

    await userEvent.click(within(dialog).getByRole('link', { name: 'Second' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/messages/t-n2'));
    expect(calls).toContain('POST /api/v1/notifications/n2/read');
  });

  it('labels a saved search’s notification and opens the saved search', async () => {
    const hit = note('n1', '“Cocaine from Ecuador” — FR-2026-000180, FR-2026-000181', null, {
      kind: 'search_hit',
      link: '/searches/s1',
      thread_id: null,
    });
    const { router } = setup(page([hit]), page([{ ...hit, read_at: 'x' }]));
    await userEvent.click(screen.getByTestId('notification-bell'));
    const dialog = await screen.findByRole('dialog', { name: 'Notifications' });
    expect(within(dialog).getByTestId('notification')).toHaveTextContent('A saved search found new matches');
    await userEvent.click(within(dialog).getByRole('link', { name: /Cocaine from Ecuador/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/searches/s1'));
  });

  it('closes on Escape even when the focus has left the dropdown', async () => {
    setup(page([note('n1', 'First', null)]), page([]));
    await userEvent.click(screen.getByTestId('notification-bell'));
    await screen.findByRole('dialog');
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
