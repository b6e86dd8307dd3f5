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

export const RECORD_TYPES = ['persons', 'companies', 'conveyances', 'cases'] as const satisfies readonly components['schemas']['RecordType'][];
export const MODES = ['valid_rows', 'all_or_nothing'] as const satisfies readonly components['schemas']['ImportMode'][];
export const FORMATS = ['ndjson', 'csv', 'xlsx'] as const satisfies readonly components['schemas']['ImportFormat'][];

/** The format a file's name says it is in: `.csv` CSV, `.xlsx` an Excel workbook, anything else NDJSON. */
export function formatOfName(name: string): components['schemas']['ImportFormat'] {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return 'ndjson';
}

/**
 * How far a run is through its file, in whole percent: the bytes read against its size (an
 * `all_or_nothing` import reads it twice, checking then writing, each pass from 0 to 100).
 */
export function percentRead(job: { bytes_done: number; size_bytes: number }): number {
  if (job.size_bytes <= 0) return 0;
  return Math.max(0, Math.min(100, Math.floor((job.bytes_done * 100) / job.size_bytes)));
}

/** "Dry run · Import the valid lines" or "Import · All or nothing". */
export function kindLabel(t: (key: string) => string, job: { dry_run: boolean; mode: components['schemas']['ImportMode'] }): string {
  return `${t(job.dry_run ? 'imports:kinds.dryRun' : 'imports:kinds.commit')} · ${t(`imports:modes.${job.mode}`)}`;
}
