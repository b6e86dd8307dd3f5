/**
 * The register record pages' panel "Received from partners" (`t('exchange:fromPartners.…')`):
 * the received cases a liaison officer linked to the person or company shown. Those pages are
 * not exchange pages and do not load ./index.ts (the whole namespace), nor may the main
 * dictionaries grow (they ship with the sign-in route, whose script budget has no room left):
 * so these few strings are added to the `exchange` namespace by the module that shows them (a
 * side-effect import, `import '@/i18n/exchange/registers'`), as ./nav.ts does. Checked with the
 * namespace by ../i18n.test.ts.
 */
import i18n from '@/i18n';

export const EXCHANGE_NS = 'exchange';

export const exchangeRegistersEn = {
  fromPartners: {
    title: 'Received from partners',
    help: 'The cases partner administrations sent in which a liaison officer linked a person or company to this record. They stay the partners’: nothing of them is merged into this record.',
    label: 'Received cases linked to this record',
    empty: 'No case received from a partner is linked to this record.',
    reference: 'Reference at the sender',
    partner: 'From',
    detected: 'Detected',
    version: 'Version',
    withdrawn: 'Withdrawn by sender',
    receivedFrom: 'received from {{partner}}',
  },
};

export const exchangeRegistersFr: typeof exchangeRegistersEn = {
  fromPartners: {
    title: 'Reçu des partenaires',
    help: 'Les affaires envoyées par des administrations partenaires dont un officier de liaison a rattaché une personne ou une société à cette fiche. Elles restent celles des partenaires\u00a0: rien n’en est fusionné avec cette fiche.',
    label: 'Affaires reçues rattachées à cette fiche',
    empty: 'Aucune affaire reçue d’un partenaire n’est rattachée à cette fiche.',
    reference: 'Référence chez l’expéditeur',
    partner: 'De',
    detected: 'Constatée le',
    version: 'Version',
    withdrawn: 'Retirée par l’expéditeur',
    receivedFrom: 'reçue de {{partner}}',
  },
};

export const exchangeRegistersAr: typeof exchangeRegistersEn = {
  fromPartners: {
    title: 'الوارد من الشركاء',
    help: 'القضايا التي أرسلتها الإدارات الشريكة وربط فيها ضابط اتصال شخصًا أو شركة بهذا القيد. تبقى قضايا الشركاء: لا يُدمَج منها شيء في هذا القيد.',
    label: 'القضايا الواردة المربوطة بهذا القيد',
    empty: 'لا توجد قضية واردة من شريك مربوطة بهذا القيد.',
    reference: 'المرجع لدى المرسِل',
    partner: 'من',
    detected: 'تاريخ الاكتشاف',
    version: 'الإصدار',
    withdrawn: 'سحبها المرسِل',
    receivedFrom: 'واردة من {{partner}}',
  },
};

const BUNDLES = { en: exchangeRegistersEn, fr: exchangeRegistersFr, ar: exchangeRegistersAr };
for (const [lang, bundle] of Object.entries(BUNDLES)) {
  if (!i18n.getResource(lang, EXCHANGE_NS, 'fromPartners.title')) i18n.addResourceBundle(lang, EXCHANGE_NS, bundle, true, false);
}
