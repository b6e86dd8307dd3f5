/** Fixed value sets of the registers (enums in the API), in display order; checked against the generated types. */
import type { AddressKind, CompanyStatus, Gender, IdentifierKind, PersonRole, RelationKind, RiskBand, TradeIdKind } from '@/api/types';

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

export const COMPANY_STATUSES = ['active', 'dormant', 'dissolved', 'deregistered', 'unknown'] as const satisfies readonly CompanyStatus[];

/** Where an address serves a company. */
export const ADDRESS_KINDS = ['registered', 'operational', 'warehouse'] as const satisfies readonly AddressKind[];

/** The identifiers a company carries besides its registration number, tax id and EORI fields. */
export const TRADE_ID_KINDS = ['eori', 'vat', 'registration', 'tax', 'lei', 'iban', 'aeo'] as const satisfies readonly TradeIdKind[];

/** Identifier kinds whose value does not say its issuing country: the country must be named (the server's rule). */
export const TRADE_IDS_NEEDING_COUNTRY: readonly TradeIdKind[] = ['registration', 'tax'];

/** A company's risk bands, lowest first (`risk.band`, and the list's `risk_band` filter). */
export const RISK_BANDS = ['low', 'medium', 'high'] as const satisfies readonly RiskBand[];
export type { RiskBand };

/** The band of a company's risk as the UI knows it (null for a value it does not know, e.g. from an address). */
export function riskBand(band: string | null | undefined): RiskBand | null {
  return (RISK_BANDS as readonly string[]).includes(band ?? '') ? (band as RiskBand) : null;
}

/** A person's roles in a company, in display order. */
export const PERSON_ROLES = [
  'director',
  'shareholder',
  'beneficial_owner',
  'representative',
  'employee',
  'customs_broker',
] as const satisfies readonly PersonRole[];

/** The roles that hold a share of the company (the server refuses a share for the others). */
export const SHARE_HOLDING_ROLES: readonly PersonRole[] = ['shareholder', 'beneficial_owner'];

/** How a company stands to another ("this company is the … of …"), in display order. */
export const RELATION_KINDS = [
  'parent',
  'subsidiary',
  'same_group',
  'successor_of',
  'predecessor_of',
  'agent_of',
  'principal_of',
] as const satisfies readonly RelationKind[];

/** The relations that carry the share the parent holds. */
export const SHARE_RELATIONS: readonly RelationKind[] = ['parent', 'subsidiary'];
