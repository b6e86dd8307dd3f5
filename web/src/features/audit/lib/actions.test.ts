import { afterEach, describe, expect, it } from 'vitest';
import i18n from '@/i18n';
import { auditActionsEn } from '@/i18n/auditActions/en';
import { actionKind, actionLabel, actionOptions, filterLabel, isKindFilter, kindLabel, knownActionLabel } from './actions';

/** The actions the server lists (`core/src/audit/actions.rs`), each translated in every language. */
const SERVER_ACTIONS = [
  'access.denied', 'alert.activate', 'alert.bulk_read', 'alert.create', 'alert.expire', 'alert.list', 'alert.read',
  'alert.renew', 'alert.update', 'alert.withdraw', 'alert_hit.confirm', 'alert_hit.dismiss', 'alert_hit.list',
  'alert_hit.read', 'analysis.graph_read', 'analysis.path_read', 'attachment.download', 'attachment.thumbnail',
  'attachment.upload', 'audit.export', 'audit.read', 'audit.verify', 'auth.login', 'auth.logout', 'auth.refresh_reuse',
  'cen.download', 'cen.export', 'cen.preview', 'codelist.entry_create', 'codelist.entry_update', 'company.check_duplicates', 'company.create', 'company.export',
  'company.flag_add', 'company.flag_remove', 'company.history', 'company.merge', 'company.network_read',
  'company.person_add', 'company.person_remove', 'company.profile_read', 'company.read', 'company.relation_add',
  'company.relation_remove', 'company.risk_read', 'company.search', 'company.timeline_read', 'company.typology_add',
  'company.typology_remove', 'company.unmerge', 'company.update', 'conveyance.create', 'conveyance.export',
  'conveyance.history', 'conveyance.read', 'conveyance.search', 'conveyance.update', 'demo.generate',
  'duplicate.distinct', 'duplicate.list', 'duplicate.read', 'exchange.agreement_create', 'exchange.agreement_document',
  'exchange.agreement_document_read', 'exchange.agreement_update',
  'exchange.delivery', 'exchange.dismiss', 'exchange.file_read', 'exchange.file_received', 'exchange.files_purged', 'exchange.import', 'exchange.inbox_accept',
  'exchange.inbox_awaiting_files', 'exchange.inbox_read', 'exchange.inbox_refused',
  'exchange.partner_create', 'exchange.partner_update', 'exchange.party_linked', 'exchange.party_unlinked', 'exchange.preview', 'exchange.received_read', 'exchange.send_approve', 'exchange.send_decline',
  'exchange.send_request', 'exchange.withdraw', 'import.cancel', 'import.create', 'import.files_purged', 'import.finish', 'import.proposals_read', 'investigation.create', 'investigation.journal_add',
  'investigation.link_add', 'investigation.link_remove', 'investigation.list', 'investigation.member_add',
  'investigation.member_remove', 'investigation.read', 'investigation.report', 'investigation.task_create',
  'investigation.task_update', 'investigation.transition', 'investigation.update', 'message.send',
  'message_attachment.download', 'message_attachment.thumbnail', 'message_attachment.upload',
  'notification.preferences', 'notification.read', 'notification.read_all', 'person.check_duplicates', 'person.create',
  'person.export', 'person.history', 'person.merge', 'person.read', 'person.search', 'person.unmerge', 'person.update',
  'register_merge.list', 'request.replay', 'saved_search.create', 'saved_search.delete', 'saved_search.hit',
  'saved_search.hits_read', 'saved_search.update', 'screening.batch', 'screening.company', 'screening.person',
  'seizure.create', 'seizure.export', 'seizure.history_read', 'seizure.list', 'seizure.read', 'seizure.reopen',
  'seizure.return', 'seizure.submit', 'seizure.update', 'seizure.validate', 'stats.seizures_export',
  'stats.seizures_read', 'thread.create', 'thread.mark_read', 'thread.purge', 'thread.read', 'unit.create',
  'unit.update', 'user.create', 'user.password_change', 'user.password_reset', 'user.update',
];

describe('action labels', () => {
  afterEach(() => i18n.changeLanguage('en'));
  const t = i18n.t.bind(i18n);

  it('translates every action and every kind the server records, in every language', async () => {
    for (const lang of ['en', 'fr', 'ar']) {
      await i18n.changeLanguage(lang);
      const missing = SERVER_ACTIONS.filter((a) => knownActionLabel(i18n.t.bind(i18n), a) === null);
      expect(missing, lang).toEqual([]);
      const kinds = [...new Set(SERVER_ACTIONS.map(actionKind))].filter((k) => kindLabel(i18n.t.bind(i18n), k) === k);
      expect(kinds, lang).toEqual([]);
    }
  });

  it('labels a known action in words and falls back to the code for an unknown one', () => {
    expect(actionLabel(t, 'seizure.return')).toBe('Case sent back for correction');
    expect(actionLabel(t, 'alert.bulk_read')).toBe('Read-volume alert');
    expect(knownActionLabel(t, 'seizure.teleport')).toBeNull();
    expect(actionLabel(t, 'seizure.teleport')).toBe('seizure.teleport');
    // a kind alone, or something that is not a code, is never looked up as an action
    expect(actionLabel(t, 'seizure')).toBe('seizure');
    expect(actionLabel(t, 'audit.actions')).toBe('audit.actions');
    expect(kindLabel(t, 'martian')).toBe('martian');
  });

  it('labels a prefix filter as every action of its kind', () => {
    expect(isKindFilter('seizure.')).toBe(true);
    expect(isKindFilter('seizure.read')).toBe(false);
    expect(filterLabel(t, 'seizure.')).toBe('Cases: all actions');
    expect(filterLabel(t, 'auth.login')).toBe('Sign-in');
  });

  it('groups the picker’s options by kind, each with its prefix first, and keeps an unlisted current value', () => {
    const groups = actionOptions(t, 'en', ['seizure.submit', 'auth.login', 'seizure.create', 'auth.logout'], 'custom.thing');
    expect(groups.map((g) => g.group)).toEqual(['Cases', 'custom', 'Sign-in and sessions']);
    const cases = groups.find((g) => g.group === 'Cases');
    expect(cases?.items).toEqual([
      { value: 'seizure.', label: 'Cases: all actions' },
      { value: 'seizure.create', label: 'Case recorded' },
      { value: 'seizure.submit', label: 'Case submitted for validation' },
    ]);
    expect(groups.find((g) => g.group === 'custom')?.items.map((i) => i.value)).toEqual(['custom.', 'custom.thing']);
    // a prefix from a shared link is offered too
    expect(actionOptions(t, 'en', ['auth.login'], 'user.').map((g) => g.items[0]?.value)).toEqual(['auth.', 'user.']);
  });

  it('labels exactly the actions the server lists', () => {
    const listed = Object.entries(auditActionsEn.actions).flatMap(([kind, verbs]) => Object.keys(verbs).map((v) => `${kind}.${v}`));
    expect(listed.sort()).toEqual([...SERVER_ACTIONS].sort());
  });
});
