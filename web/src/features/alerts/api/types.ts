/**
 * Names for the generated alert types (schema.d.ts, from ../openapi.yaml), and the enums'
 * values in display order (checked against the generated unions).
 */
import type { components, paths } from '@/api/schema';

type Schemas = components['schemas'];

export type Alert = Schemas['AlertDto'];
export type AlertInput = Schemas['AlertInput'];
export type AlertSummary = Schemas['AlertSummary'];
export type AlertList = Schemas['AlertList'];
export type AlertStatus = Schemas['AlertStatus'];
export type SubjectKind = Schemas['SubjectKind'];
export type RiskLevel = Schemas['RiskLevel'];
export type RequestedAction = Schemas['RequestedAction'];
export type AlertIdentifierKind = Schemas['AlertIdentifierKind'];
export type Hit = Schemas['HitDto'];
export type HitDetail = Schemas['HitDetail'];
export type HitStatus = Schemas['HitStatus'];
export type RecordKind = Schemas['RecordKind'];
export type Fact = Schemas['Fact'];
export type Feature = Schemas['Feature'];
export type AlertNotice = Schemas['AlertNotice'];
export type Named = Schemas['Named'];

export type AlertQuery = NonNullable<paths['/api/v1/alerts']['get']['parameters']['query']>;
export type HitQuery = NonNullable<paths['/api/v1/alert-hits']['get']['parameters']['query']>;

export const ALERT_STATUSES = ['draft', 'active', 'expired', 'withdrawn'] as const satisfies readonly AlertStatus[];
export const SUBJECT_KINDS = ['person', 'company', 'conveyance', 'identifier'] as const satisfies readonly SubjectKind[];
export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const satisfies readonly RiskLevel[];
export const REQUESTED_ACTIONS = ['inform_owner', 'discreet_check', 'control', 'detain'] as const satisfies readonly RequestedAction[];
export const HIT_STATUSES = ['new', 'confirmed', 'dismissed'] as const satisfies readonly HitStatus[];
export const IDENTIFIER_KINDS = [
  'document',
  'phone',
  'email',
  'plate',
  'vin',
  'container',
  'imo',
  'mmsi',
  'air_waybill',
  'flight_number',
  'aircraft_registration',
  'bill_of_lading',
  'tracking_number',
] as const satisfies readonly AlertIdentifierKind[];

/** The register a record kind lives in (the path segment of its page). */
export const REGISTER_OF: Record<RecordKind, 'persons' | 'companies' | 'conveyances'> = {
  person: 'persons',
  company: 'companies',
  conveyance: 'conveyances',
};

/** The page of a register record. */
export function recordPath(kind: RecordKind, id: string): string {
  return `/registers/${REGISTER_OF[kind]}/${id}`;
}
