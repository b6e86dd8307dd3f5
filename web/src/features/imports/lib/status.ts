import type { components } from '@/api/schema';

type ImportStatus = components['schemas']['ImportStatus'];

/** A status after which a job no longer changes. */
export function isFinal(status: ImportStatus | undefined): boolean {
  return status === 'succeeded' || status === 'failed' || status === 'cancelled';
}

/** Dark enough for white text (WCAG AA at the badge's small size). */
export const STATUS_COLOUR: Record<ImportStatus, string> = {
  queued: '#495057',
  running: '#1c4f8a',
  succeeded: '#1e6b30',
  failed: '#a61e1e',
  cancelled: '#8a4b08',
};

export const RECORD_TYPES = ['persons', 'companies', 'conveyances'] as const satisfies readonly components['schemas']['RecordType'][];
export const MODES = ['valid_rows', 'all_or_nothing'] as const satisfies readonly components['schemas']['ImportMode'][];

/** "Dry run · Import the valid lines" or "Import · All or nothing". */
export function kindLabel(t: (key: string) => string, job: { dry_run: boolean; mode: components['schemas']['ImportMode'] }): string {
  return `${t(job.dry_run ? 'imports:kinds.dryRun' : 'imports:kinds.commit')} · ${t(`imports:modes.${job.mode}`)}`;
}
