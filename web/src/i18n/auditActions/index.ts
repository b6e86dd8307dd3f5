/**
 * The `auditActions` namespace (`t('auditActions:actions.…')`, `t('auditActions:kinds.…')`):
 * the labels of the audit trail's actions, added to i18next when the audit log's action
 * labels are first needed (`features/audit/lib/actions.ts` imports this module), not with the
 * app's first script.
 */
import i18n from '@/i18n';
import { auditActionsAr } from './ar';
import { auditActionsEn } from './en';
import { auditActionsFr } from './fr';

export const AUDIT_ACTIONS_NS = 'auditActions';

const BUNDLES = { en: auditActionsEn, fr: auditActionsFr, ar: auditActionsAr };
for (const [lang, bundle] of Object.entries(BUNDLES)) {
  if (!i18n.hasResourceBundle(lang, AUDIT_ACTIONS_NS)) i18n.addResourceBundle(lang, AUDIT_ACTIONS_NS, bundle);
}
