import { useState, type ReactNode } from 'react';
import { notifications } from '@mantine/notifications';
import type { UseMutationResult } from '@tanstack/react-query';
import { ConfirmDialog } from './ProfileParts';

/**
 * Taking a row away after asking: `ask(item)` opens the confirmation (`dialog`, to render once);
 * confirming deletes the item by its id with `mutation`, says `done(item)` and closes; closing
 * (or cancelling) forgets a refusal shown.
 */
export function useRemoval<T extends { id: string }, D, E>(
  mutation: UseMutationResult<D, E, string>,
  {
    title,
    body,
    confirmLabel,
    done,
  }: { title: string; body: (item: T) => ReactNode; confirmLabel: string; done: (item: T) => string },
): { ask: (item: T) => void; dialog: ReactNode } {
  const [removing, setRemoving] = useState<T | null>(null);
  const dialog = (
    <ConfirmDialog
      opened={!!removing}
      title={title}
      body={removing ? body(removing) : ''}
      confirmLabel={confirmLabel}
      loading={mutation.isPending}
      error={mutation.error}
      onClose={() => {
        mutation.reset();
        setRemoving(null);
      }}
      onConfirm={() =>
        removing &&
        mutation.mutate(removing.id, {
          onSuccess: () => {
            notifications.show({ color: 'green', message: done(removing) });
            setRemoving(null);
          },
        })
      }
    />
  );
  return { ask: setRemoving, dialog };
}
