import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen } from '@testing-library/react';
import { Link, useNavigate } from 'react-router';
import { renderRoutes } from '@/test/render';
import { leavesPage, useUnsavedGuard } from './useUnsavedGuard';

function Form() {
  const [dirty, setDirty] = useState(false);
  const guard = useUnsavedGuard(dirty);
  const navigate = useNavigate();
  return (
    <div>
      <button onClick={() => setDirty(true)}>change</button>
      <Link to="/elsewhere">away</Link>
      <Link to="/form#field">same page</Link>
      <button
        onClick={() => {
          guard.allowNavigation();
          void navigate('/saved');
        }}
      >
        save
      </button>
      {guard.asking && (
        <div role="dialog">
          <button onClick={guard.stay}>stay</button>
          <button onClick={guard.leave}>leave</button>
        </div>
      )}
    </div>
  );
}

const routes = [
  { path: '/form', element: <Form /> },
  { path: '/elsewhere', element: <p>elsewhere</p> },
  { path: '/saved', element: <p>saved</p> },
];

describe('useUnsavedGuard', () => {
  it('lets a clean form go without asking', () => {
    const { router } = renderRoutes(routes, '/form');
    fireEvent.click(screen.getByText('away'));
    expect(router.state.location.pathname).toBe('/elsewhere');
  });

  it('asks before leaving a dirty form: stay keeps it, leave goes', async () => {
    const { router } = renderRoutes(routes, '/form');
    fireEvent.click(screen.getByText('change'));
    fireEvent.click(screen.getByText('away'));
    expect(await screen.findByRole('dialog')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/form');

    fireEvent.click(screen.getByText('stay'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/form');

    fireEvent.click(screen.getByText('away'));
    fireEvent.click(await screen.findByText('leave'));
    expect(await screen.findByText('elsewhere')).toBeInTheDocument();
  });

  it('holds the browser back button too', async () => {
    const { router } = renderRoutes(routes, '/elsewhere');
    await act(() => router.navigate('/form'));
    fireEvent.click(screen.getByText('change'));
    await act(() => router.navigate(-1));
    expect(await screen.findByRole('dialog')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/form');
  });

  it('does not ask for a move within the page, nor after the form saved', async () => {
    const { router } = renderRoutes(routes, '/form');
    fireEvent.click(screen.getByText('change'));
    fireEvent.click(screen.getByText('same page'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    fireEvent.click(screen.getByText('save'));
    expect(await screen.findByText('saved')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/saved');
  });

  it('asks the browser to confirm closing or reloading the tab while dirty', () => {
    renderRoutes(routes, '/form');
    const clean = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(clean);
    expect(clean.defaultPrevented).toBe(false);
    fireEvent.click(screen.getByText('change'));
    const dirty = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(dirty);
    expect(dirty.defaultPrevented).toBe(true);
  });

  it('treats a change of hash alone as staying', () => {
    expect(leavesPage({ pathname: '/a', search: '' }, { pathname: '/a', search: '' })).toBe(false);
    expect(leavesPage({ pathname: '/a', search: '' }, { pathname: '/a', search: '?tab=x' })).toBe(true);
    expect(leavesPage({ pathname: '/a', search: '' }, { pathname: '/b', search: '' })).toBe(true);
  });
});
