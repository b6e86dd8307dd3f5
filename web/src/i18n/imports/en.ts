/**
 * English strings of the data imports: the `imports` namespace, used as `t('imports:…')`.
 * Loaded with the pages (`./index.ts`), not at start: the sign-in route's script budget has no
 * room for them. The menu's entry comes earlier, from ./nav.ts. fr and ar must have exactly the
 * same keys (checked by the type below and by ../i18n.test.ts).
 */
export const importsEn = {
  title: 'Data imports',
  description:
    'Load persons, companies or conveyances from another system: one JSON object per line, each with its external_id. Check a file first with a dry run, then commit it.',
  recordTypes: { persons: 'Persons', companies: 'Companies', conveyances: 'Conveyances' },
  modes: {
    valid_rows: 'Import the valid lines',
    all_or_nothing: 'All or nothing',
  },
  modeHelp: {
    valid_rows: 'Lines with problems are skipped and reported; the others are written.',
    all_or_nothing: 'A single line with a problem and nothing is written.',
  },
  statuses: { queued: 'Queued', running: 'Running', succeeded: 'Succeeded', failed: 'Failed', cancelled: 'Cancelled' },
  kinds: { dryRun: 'Dry run', commit: 'Import' },
  upload: {
    title: 'New import',
    file: 'File (NDJSON)',
    fileHelp: 'One JSON object per line: the fields of a new record plus external_id.',
    recordType: 'Record type',
    sourceSystem: 'Source system',
    sourceSystemHelp: 'The system the records come from: with each external_id it identifies a record across imports.',
    mode: 'Mode',
    dryRun: 'Dry run (check only)',
    dryRunHelp: 'Checks every line and reports, without writing anything.',
    submit: 'Upload',
    progress: 'Uploading: {{percent}}%',
    errors: {
      fileRequired: 'Choose a file.',
      sourceRequired: 'Name the source system.',
      sourceLength: 'At most 100 characters.',
      wrongType: 'This is not an NDJSON file.',
      empty: 'The file is empty.',
      tooLarge: 'The file is larger than the server accepts.',
    },
  },
  history: {
    title: 'Latest imports',
    none: 'No import yet.',
    unnamed: 'Unnamed file',
    columns: {
      file: 'File',
      recordType: 'Records',
      kind: 'Kind',
      status: 'Status',
      counts: 'Created / updated / unchanged / rejected',
      by: 'By',
      at: 'Started',
    },
  },
  job: {
    back: 'All imports',
    title: 'Import of {{name}}',
    settings: '{{recordType}} from {{source}}, {{kind}}, {{mode}}',
    rowsDone: 'Lines done: {{done}}',
    waiting: 'Waiting for an instance to run it.',
    failure: 'Why it failed',
    cancel: 'Cancel the import',
    cancelRequested: 'Cancelling: the import stops at its next batch.',
    commitTitle: 'The check succeeded',
    commitHelp: 'Import the same file for real, in the mode chosen below.',
    commit: 'Import for real',
    size: 'Size',
    by: 'By',
    createdAt: 'Uploaded',
    startedAt: 'Started',
    finishedAt: 'Finished',
  },
  counts: {
    title: 'Counts',
    created: 'Created',
    updated: 'Updated',
    unchanged: 'Unchanged',
    rejected: 'Rejected',
    dryRun: {
      created: 'Would be created',
      updated: 'Would be updated',
      unchanged: 'Would stay unchanged',
      rejected: 'Would be rejected',
    },
  },
  problems: {
    title: 'Problems',
    none: 'No problem found.',
    code: 'Code',
    allCodes: 'All codes',
    more: 'Load more',
    csv: 'Download as CSV',
    columns: { line: 'Line', externalId: 'External ID', field: 'Field', code: 'Code', message: 'Message' },
  },
};

export type ImportsTranslation = typeof importsEn;
