/**
 * Asks before a dirty form is left: in-app navigation is held (react-router's `useBlocker`)
 * until the user chooses to leave or stay (the caller shows the question, e.g.
 * `UnsavedChangesModal`); closing or reloading the tab gets the browser's own question
 * (`beforeunload`). A navigation the form itself starts after saving is let through with
 * `allowNavigation()`.
 */
import { useCallback, useEffect, useRef } from 'react';
import { useBlocker, type Location } from 'react-router';

/** Whether going from `current` to `next` leaves the page (a change of hash only does not). */
export function leavesPage(current: Pick<Location, 'pathname' | 'search'>, next: Pick<Location, 'pathname' | 'search'>): boolean {
  return current.pathname !== next.pathname || current.search !== next.search;
}

export interface UnsavedGuard {
  /** A navigation is waiting for the user's answer. */
  asking: boolean;
  /** Go on with the held navigation. */
  leave: () => void;
  /** Cancel it and stay on the form. */
  stay: () => void;
  /** Lets the next navigations through (call just before navigating away after a save). */
  allowNavigation: () => void;
}

export function useUnsavedGuard(dirty: boolean): UnsavedGuard {
  const allowed = useRef(false);
  const blocker = useBlocker(
    useCallback(
      ({ currentLocation, nextLocation }: { currentLocation: Location; nextLocation: Location }) =>
        dirty && !allowed.current && leavesPage(currentLocation, nextLocation),
      [dirty],
    ),
  );

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (allowed.current) return;
      e.preventDefault();
      // older browsers need returnValue set to show their question
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const leave = useCallback(() => {
    if (blocker.state === 'blocked') blocker.proceed();
  }, [blocker]);
  const stay = useCallback(() => {
    if (blocker.state === 'blocked') blocker.reset();
  }, [blocker]);
  const allowNavigation = useCallback(() => {
    allowed.current = true;
  }, []);

  return { asking: blocker.state === 'blocked', leave, stay, allowNavigation };
}
