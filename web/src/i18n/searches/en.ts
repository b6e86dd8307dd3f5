/**
 * English strings of the saved searches (issue 16): the `searches` namespace, used as
 * `t('searches:…')`. Loaded with the pages and the "Save this search" of the seizure list and
 * of the registers (`./index.ts`), not at start: the sign-in route's script budget has no room for them. The
 * menu's entry and the notification kind come earlier, from ./nav.ts. fr and ar must have
 * exactly the same keys (checked by the type below and by ../i18n.test.ts).
 */
export const searchesEn = {
  title: 'Saved searches',
  description:
    'Searches of the seizure list or of the registers kept as rules: when a case, person, company or conveyance is saved that one of them finds, its owner is notified.',
  help: 'Guide: saved searches',
  mine: 'My saved searches',
  shared: 'Shared with my unit',
  noneMine: 'You have no saved search yet. Filter the seizure list, then choose “Save this search”.',
  noneMineRegisters: 'You have no saved search yet. Filter the seizure list or a register, then choose “Save this search”.',
  noneShared: 'No one in your unit shares a saved search.',
  toSeizures: 'Go to the seizure list',
  toRegisters: 'Go to the registers',
  columns: {
    name: 'Name',
    target: 'Searches',
    search: 'Filters',
    hits: 'Hits',
    lastHit: 'Last hit',
    state: 'State',
    actions: 'Actions',
  },
  badges: { shared: 'Shared', paused: 'Paused', active: 'Active' },
  // what a rule searches (its `target`)
  target: { label: 'Searches', seizures: 'Seizure cases', persons: 'Persons', companies: 'Companies', conveyances: 'Conveyances' },
  owner: 'By {{name}}',
  never: 'None yet',
  summary: {
    label: 'Filters of the search',
    separator: ': ',
    everything: 'Every case (no filter)',
    everyRecord: 'Every record (no filter)',
    otherFilters: 'Also filtered by',
    person_id: 'Person',
    company_id: 'Company',
    conveyance_id: 'Conveyance',
    record: 'a register record',
    text: '“{{text}}”',
  },
  // the register filters the registers page has no label of its own for
  registerFields: {
    q: 'Free text',
    document: 'Identity document',
    birth_year: 'Year of birth',
    identifier: 'Identifier',
    status: 'Status',
    risk_band: 'Risk',
    typology: 'Fraud typology',
    activity: 'Activity',
    person_id: 'Person',
  },
  riskBands: { low: 'Low', medium: 'Medium', high: 'High' },
  save: {
    button: 'Save this search',
    title: 'Save this search',
    help: 'You will be notified of every case saved from now on that this search finds. The sort order is not kept.',
    helpRecords: 'You will be notified of every record registered or corrected from now on that this search finds. The sort order is not kept.',
    name: 'Name',
    nameHelp: 'As your notifications will show it.',
    shared: 'Share with my unit',
    sharedHelp: 'Its members see the search and its hits; only you can change it.',
    filters: 'Filters',
    noFilter: 'No filter is set: every case you may see will be a hit.',
    noFilterRecords: 'No filter is set: every record registered or corrected will be a hit.',
    submit: 'Save',
    saved: 'Search “{{name}}” saved: you will be notified of the cases it finds.',
    savedRecords: 'Search “{{name}}” saved: you will be notified of the records it finds.',
    tooMany: 'You have as many saved searches as allowed (200): delete one first.',
    invalid: 'These filters cannot be saved:',
    order: 'Must be after the start.',
    nameLength: 'From 1 to 200 characters.',
    notForTarget: 'These are not filters of this list.',
  },
  actions: {
    label: 'Actions for “{{name}}”',
    pause: 'Pause',
    resume: 'Resume',
    share: 'Share with my unit',
    unshare: 'Stop sharing',
    rename: 'Rename',
    delete: 'Delete',
    openIn: {
      seizures: 'Open in the seizure list',
      persons: 'Open in the persons register',
      companies: 'Open in the companies register',
      conveyances: 'Open in the conveyances register',
    },
    paused: '“{{name}}” paused: new cases and records are not checked against it.',
    resumed: '“{{name}}” resumed.',
    sharedDone: '“{{name}}” is shared with your unit.',
    unsharedDone: '“{{name}}” is no longer shared.',
    renamed: 'Renamed “{{name}}”.',
    deleted: '“{{name}}” deleted.',
    renameTitle: 'Rename the saved search',
    deleteTitle: 'Delete the saved search',
    deleteBody: '“{{name}}” and the list of its hits will be deleted. The cases and records themselves stay as they are.',
    notOwner: 'Shared by {{name}}: only they can change it.',
  },
  detail: {
    back: 'All saved searches',
    created: 'Saved on {{when}} by {{name}}',
    hits: 'Hits',
    hitsHelp: 'Cases saved since the search was, that it finds, latest first. Each reading is recorded in the audit trail.',
    total_one: '{{count}} case found',
    total_other: '{{count}} cases found',
    hitsHelpRecords:
      'Records registered or corrected since the search was, that it finds, latest first (each record once). Each reading is recorded in the audit trail.',
    totalRecords_one: '{{count}} record found',
    totalRecords_other: '{{count}} records found',
    shownOf: 'The latest {{shown}} are listed.',
    noHits: 'No case has been found yet.',
    noHitsRecords: 'No record has been found yet.',
    paused: 'Paused: new cases are not checked against this search until it is resumed.',
    pausedRecords: 'Paused: new and corrected records are not checked against this search until it is resumed.',
    notFound: 'This saved search does not exist, was deleted, or is not shared with you.',
    matchedAt: 'Found on',
    reference: 'Reference',
    detectedAt: 'Detected on',
    commodities: 'Commodities',
    place: 'Place',
    recordColumn: { persons: 'Person', companies: 'Company', conveyances: 'Conveyance' },
  },
};

/** i18next plural suffixes (CLDR categories). English uses `_one` and `_other`. */
type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type ExtraPluralForms<T> = {
  [K in keyof T as K extends `${infer B}_other` ? `${B}_${Exclude<PluralCategory, 'one' | 'other'>}` : never]?: string;
};
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> } & ExtraPluralForms<T>;
/** A complete translation of the namespace. */
export type SearchesTranslation = Shape<typeof searchesEn>;
