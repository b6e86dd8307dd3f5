/**
 * Names for the generated duplicate and merge types (schema.d.ts, from ../openapi.yaml), and
 * the enums' values in display order (checked against the generated unions).
 */
import type { components, paths } from '@/api/schema';
import type { Company, Person } from '@/api/types';

type Schemas = components['schemas'];

export type DuplicatePair = Schemas['DuplicatePair'];
export type DuplicatePage = Schemas['DuplicatePage'];
export type PairStatus = Schemas['PairStatus'];
export type MergeKind = Schemas['MergeKind'];
export type Merge = Schemas['MergeDto'];
export type RecordLabel = Schemas['RecordLabel'];
export type Feature = Schemas['Feature'];

export type DuplicateQuery = NonNullable<paths['/api/v1/duplicates']['get']['parameters']['query']>;

export const PAIR_STATUSES = ['open', 'merged', 'distinct'] as const satisfies readonly PairStatus[];
export const MERGE_KINDS = ['person', 'company'] as const satisfies readonly MergeKind[];

/** A record of a pair as its register's page shows it (with its `version`, for `If-Match`). */
export type PairRecord = { kind: 'person'; record: Person } | { kind: 'company'; record: Company };

/** The register (and URL segment) of a kind of record. */
export const REGISTER_OF: Readonly<Record<MergeKind, 'persons' | 'companies'>> = { person: 'persons', company: 'companies' };
