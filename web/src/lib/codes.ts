/** Fixed value sets of the registers (enums in the API), in display order; checked against the generated types. */
import type { CompanyStatus, Gender, IdentifierKind } from '@/api/types';

export const GENDERS = ['female', 'male', 'other', 'unknown'] as const satisfies readonly Gender[];

export const IDENTIFIER_KINDS = [
  'container',
  'imo',
  'mmsi',
  'vin',
  'air_waybill',
  'aircraft_registration',
  'flight_number',
  'plate',
  'bill_of_lading',
  'tracking_number',
  'other',
] as const satisfies readonly IdentifierKind[];

export const COMPANY_STATUSES = ['active', 'inactive', 'dissolved', 'unknown'] as const satisfies readonly CompanyStatus[];
