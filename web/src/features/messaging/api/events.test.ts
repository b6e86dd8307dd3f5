import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { renderHook } from '@testing-library/react';
import { useLiveEvents, type SharedLiveEvent } from '@/lib/liveEvents';
import { session } from '@/lib/session';
import { applyLiveEvent, backoffDelay, parseLiveEvent, type LiveEvent } from '../lib/live';
import { connectLive, type LiveStatus } from './events';

const enc = new TextEncoder();

/** A text/event-stream response whose body yields `chunks`, then ends (or stays open). */
function stream(chunks: string[], { open = false } = {}) {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(enc.encode(c));
      if (!open) controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

const notification = { id: 'n1', kind: 'warning', title: 'Container watch', link: '/messages/t1', thread_id: 't1', count: 1, created_at: '2026-01-01T00:00:00Z', read_at: null };

describe('live event parsing', () => {
  it('types known events and drops keep-alives, unknown and malformed ones', () => {
    expect(parseLiveEvent({ id: '7', event: 'message', data: '{"thread_id":"t1","kind":"general"}' })).toMatchObject({
      type: 'message',
      id: '7',
      data: { thread_id: 't1' },
    });
    expect(parseLiveEvent({ id: '8', event: 'notification', data: JSON.stringify({ notification, ping: true }) })).toMatchObject({
      type: 'notification',
      data: { ping: true, notification: { id: 'n1' } },
    });
    expect(parseLiveEvent({ id: '9', event: 'notifications_read', data: '{"id":null,"thread_id":"t1"}' })).toEqual({
      type: 'notifications_read',
      id: '9',
      data: { id: null, thread_id: 't1' },
    });
    expect(parseLiveEvent({ id: '10', event: 'reset', data: '{}' })).toEqual({ type: 'reset', id: '10', data: {} });
    expect(parseLiveEvent({ id: '', event: '', data: '' })).toBeNull();
    expect(parseLiveEvent({ id: '1', event: 'message', data: 'not json' })).toBeNull();
    expect(parseLiveEvent({ id: '1', event: 'message', data: '{"no":"thread"}' })).toBeNull();
    expect(parseLiveEvent({ id: '1', event: 'notification', data: '{"ping":true}' })).toBeNull();
    expect(parseLiveEvent({ id: '1', event: 'typing', data: '{}' })).toBeNull();
  });

  it('backs off from 1 s, doubling with jitter, up to 30 s', () => {
    expect(backoffDelay(0, () => 1)).toBe(1000);
    expect(backoffDelay(0, () => 0)).toBe(500);
    expect(backoffDelay(3, () => 1)).toBe(8000);
    expect(backoffDelay(10, () => 1)).toBe(30_000);
    expect(backoffDelay(100, () => 0)).toBe(15_000);
  });

  it('invalidates the affected thread, the inbox and notifications, and pings', () => {
    const qc = new QueryClient();
    const spy = vi.spyOn(qc, 'invalidateQueries');
    const ping = vi.fn();
    const keys = () => spy.mock.calls.map(([f]) => JSON.stringify(f?.queryKey));
    const run = (e: LiveEvent) => {
      spy.mockClear();
      applyLiveEvent(e, qc, ping);
      return keys();
    };
    const msg = { thread_id: 't1', message_id: 'm1', sender_id: 'u2', sender_name: 'B', subject: 's', kind: 'general', urgent: false, sent_at: '' } as const;
    expect(run({ type: 'message', id: '1', data: msg })).toEqual(['["threads","detail","t1"]', '["threads","list"]', '["threads","unread"]']);
    expect(run({ type: 'message', id: '2', data: { ...msg, kind: 'feedback' } })).toContain('["threads","detail"]');
    expect(run({ type: 'read', id: '3', data: { thread_id: 't1', user_id: 'u3', user_name: 'C', read_at: '' } })).toContain('["threads","detail","t1"]');
    expect(run({ type: 'notification', id: '4', data: { notification: notification as never, ping: false } })).toEqual(['["notifications"]']);
    expect(ping).not.toHaveBeenCalled();
    run({ type: 'notification', id: '5', data: { notification: notification as never, ping: true } });
    expect(ping).toHaveBeenCalledWith(notification);
    expect(run({ type: 'reset', id: '6', data: {} })).toEqual(['["threads"]', '["notifications"]']);
  });
});

describe('live connection', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    session.reset();
  });

  it('reconnects with Last-Event-ID and a fresh token after the stream closes and a 401', async () => {
    const calls: { auth: string | null; last: string | null }[] = [];
    const responses = [
      () => stream(['id: 1\nevent: message\ndata: {"thread_id":"t1","kind":"general"}\n\n', ': keep-alive\n\n', 'id: 2\nevent: notif', 'ication\ndata: {"notification":{"id":"n1","link":"/x"},"ping":true}\n\n']),
      () => new Response('{}', { status: 401, headers: { 'Content-Type': 'application/problem+json' } }),
      () => stream(['id: 3\nevent: reset\ndata: {}\n\n'], { open: true }),
    ];
    let token = 'tok-1';
    const fetchMock = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      calls.push({ auth: headers.get('Authorization'), last: headers.get('Last-Event-ID') });
      const next = responses.shift();
      if (!next) throw new Error('no more responses');
      return next();
    });
    const events: string[] = [];
    const statuses: LiveStatus[] = [];
    const refresh = vi.fn(async () => {
      token = 'tok-2';
      return token;
    });
    const stop = connectLive({
      onEvent: (e) => events.push(`${e.id}:${e.type}`),
      onStatus: (s) => statuses.push(s),
      backoff: () => 5,
      token: () => token,
      refresh,
      fetch: fetchMock as typeof fetch,
    });
    await vi.waitFor(() => expect(events).toEqual(['1:message', '2:notification', '3:reset']));
    expect(calls).toEqual([
      { auth: 'Bearer tok-1', last: null },
      { auth: 'Bearer tok-1', last: '2' },
      { auth: 'Bearer tok-2', last: '2' },
    ]);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(statuses).toContain('retrying');
    expect(statuses.at(-1)).toBe('open');
    stop();
    await vi.waitFor(() => expect(statuses.at(-1)).toBe('stopped'));
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  it('hands every event to the other features’ listeners, the ones messaging ignores included', async () => {
    const heard: SharedLiveEvent[] = [];
    const listening = renderHook(() => useLiveEvents((e) => heard.push(e)));
    const fetchMock = vi.fn(async () =>
      stream(
        [
          'id: 1\nevent: import.progress\ndata: {"id":"j1","status":"running","rows_done":500}\n\n',
          'id: 2\nevent: import.progress\ndata: not json\n\n',
          'id: 3\nevent: reset\ndata: {}\n\n',
        ],
        { open: true },
      ),
    );
    const stop = connectLive({ onEvent: () => {}, token: () => 't', fetch: fetchMock as typeof fetch });
    await vi.waitFor(() => expect(heard).toHaveLength(2));
    expect(heard).toEqual([
      { kind: 'import.progress', data: { id: 'j1', status: 'running', rows_done: 500 } },
      { kind: 'reset', data: {} },
    ]);
    stop();
    listening.unmount();
  });

  it('stops when the token cannot be refreshed', async () => {
    const fetchMock = vi.fn(async () => new Response('{}', { status: 401 }));
    const statuses: LiveStatus[] = [];
    connectLive({
      onEvent: () => {},
      onStatus: (s) => statuses.push(s),
      backoff: () => 5,
      token: () => 'old',
      refresh: async () => null,
      fetch: fetchMock as typeof fetch,
    });
    await vi.waitFor(() => expect(statuses.at(-1)).toBe('stopped'));
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('retries with growing backoff after server errors', async () => {
    const delays: number[] = [];
    let n = 0;
    const fetchMock = vi.fn(async () => {
      n += 1;
      return n < 4 ? new Response('', { status: 503 }) : stream([], { open: true });
    });
    const stop = connectLive({
      onEvent: () => {},
      backoff: (attempt) => {
        delays.push(attempt);
        return 1;
      },
      token: () => 't',
      fetch: fetchMock as typeof fetch,
    });
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(4));
    expect(delays).toEqual([0, 1, 2]);
    stop();
  });
});
