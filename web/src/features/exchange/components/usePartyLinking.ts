import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ReceivedParty } from '../api/exchange';
import { useLinkParty, useUnlinkParty } from '../api/links';

/**
 * The linking of one received person or company to the record of this node's registers it is
 * (a liaison officer's decision; nothing copied, nothing merged): the mutations and what they
 * say, shared by the party's "Linked to" badge and its candidates' "This is the same" buttons.
 */
export function usePartyLinking(caseId: string, party: ReceivedParty) {
  const { t } = useTranslation();
  const link = useLinkParty(caseId);
  const unlink = useUnlinkParty(caseId);
  return {
    /** the record being linked, while its request runs */
    linking: link.isPending ? link.variables?.recordId : undefined,
    unlinking: unlink.isPending,
    busy: link.isPending || unlink.isPending,
    error: link.error ?? unlink.error,
    link: (recordId: string) => {
      unlink.reset();
      link.mutate(
        { position: party.position, recordId },
        {
          onSuccess: (done) =>
            notifications.show({ color: 'green', message: t('exchange:received.link.done', { party: party.label, record: done.record_label }) }),
        },
      );
    },
    unlink: () => {
      link.reset();
      unlink.mutate(
        { position: party.position },
        { onSuccess: () => notifications.show({ color: 'green', message: t('exchange:received.link.undone', { party: party.label }) }) },
      );
    },
  };
}
