/**
 * Client-side checks mirroring the server's (core/src/seizures/check.rs and the register
 * records' `clean`): the officer sees the same problems before sending. Values are i18n keys.
 */
import { hasLetter, validateDocuments } from '@/lib/persons';
import { checkPartialDate, isEori, isoDate } from '@/lib/validation';
import type { CaseFormValues, Num } from './caseForm';

export type Errors = Record<string, string>;

const MAX_QUANTITY = 1e9;
const MAX_VALUE = 1e13;

function toNumber(v: Num): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : NaN;
  const t = v.trim().replace(',', '.');
  if (!t) return null;
  const x = Number(t);
  return Number.isFinite(x) ? x : NaN;
}

const UNLOCODE = /^[A-Z]{2}[A-Z2-9]{3}$/;

export function validateCase(v: CaseFormValues, now: Date = new Date()): Errors {
  const e: Errors = {};
  const today = isoDate(now);

  if (!v.detected_at) e.detected_at = 'validation.required';
  else {
    const t = new Date(v.detected_at).getTime();
    if (Number.isNaN(t)) e.detected_at = 'validation.required';
    else if (t > now.getTime() + 5 * 60_000) e.detected_at = 'validation.future';
    else if (t < 0) e.detected_at = 'validation.from1970';
  }

  const lat = toNumber(v.latitude);
  const lon = toNumber(v.longitude);
  if (lat !== null && (Number.isNaN(lat) || lat < -90 || lat > 90)) e.latitude = 'validation.latitude';
  if (lon !== null && (Number.isNaN(lon) || lon < -180 || lon > 180)) e.longitude = 'validation.longitude';
  if (lat === null && lon !== null) e.latitude = 'validation.required';
  if (lon === null && lat !== null) e.longitude = 'validation.required';
  if (v.unlocode.trim() && !UNLOCODE.test(v.unlocode.trim().toUpperCase())) e.unlocode = 'validation.unlocode';

  if (v.kind === 'seizure') {
    if (v.goods.length === 0) e.goods = 'validation.goodsRequired';
    if (v.goods.length > 100) e.goods = 'validation.tooMany';
    v.goods.forEach((g, i) => {
      const f = (name: string) => `goods.${i}.${name}`;
      if (!g.commodity_group) e[f('commodity_group')] = 'validation.required';
      if (!g.unit) e[f('unit')] = 'validation.required';
      const q = toNumber(g.quantity);
      if (q === null) e[f('quantity')] = 'validation.required';
      else if (Number.isNaN(q) || q <= 0) e[f('quantity')] = 'validation.positive';
      else if (q > MAX_QUANTITY) e[f('quantity')] = 'validation.implausible';
      const hs = g.hs_code.replace(/[ .]/g, '');
      if (hs && !/^\d{6,10}$/.test(hs)) e[f('hs_code')] = 'validation.hsCode';
      const value = toNumber(g.value);
      if (value !== null && (Number.isNaN(value) || value < 0 || value > MAX_VALUE)) e[f('value')] = 'validation.value';
      if (value !== null && !g.currency) e[f('currency')] = 'validation.currencyRequired';
      const purity = toNumber(g.purity_percent);
      if (purity !== null && (Number.isNaN(purity) || purity < 0 || purity > 100)) e[f('purity_percent')] = 'validation.percent';
    });
  }

  if (v.route.length > 50) e.route = 'validation.tooMany';
  v.route.forEach((l, i) => {
    const f = (name: string) => `route.${i}.${name}`;
    if (!l.country) e[f('country')] = 'validation.required';
    if (!l.role) e[f('role')] = 'validation.required';
    if (l.unlocode.trim() && !UNLOCODE.test(l.unlocode.trim().toUpperCase())) e[f('unlocode')] = 'validation.unlocode';
    if (l.departure_date && l.departure_date > today) e[f('departure_date')] = 'validation.future';
    if (l.arrival_date && l.arrival_date > today) e[f('arrival_date')] = 'validation.future';
    else if (l.arrival_date && l.departure_date && l.arrival_date < l.departure_date) e[f('arrival_date')] = 'validation.arrivalOrder';
  });

  v.persons.forEach((l, i) => {
    const f = (name: string) => `persons.${i}.${name}`;
    if (!l.role) e[f('role')] = 'validation.required';
    if (l.person) {
      if (!l.person.family_name.trim()) e[f('person.family_name')] = 'validation.required';
      else if (!hasLetter(l.person.family_name)) e[f('person.family_name')] = 'registers.errors.noLetters';
      if (l.person.date_of_birth.trim()) {
        const dob = checkPartialDate(l.person.date_of_birth, now);
        if (dob) e[f('person.date_of_birth')] = dob;
      }
      Object.assign(e, validateDocuments(l.person.documents, f('person.documents')));
    } else if (!l.person_id) e[f('person_id')] = 'validation.pickOrCreate';
  });
  v.companies.forEach((l, i) => {
    const f = (name: string) => `companies.${i}.${name}`;
    if (!l.role) e[f('role')] = 'validation.required';
    if (l.company) {
      if (!l.company.name.trim()) e[f('company.name')] = 'validation.required';
      else if (!hasLetter(l.company.name)) e[f('company.name')] = 'registers.errors.noLetters';
      if (l.company.eori.trim() && !isEori(l.company.eori)) e[f('company.eori')] = 'validation.eori';
    } else if (!l.company_id) e[f('company_id')] = 'validation.pickOrCreate';
  });
  v.conveyances.forEach((l, i) => {
    const f = (name: string) => `conveyances.${i}.${name}`;
    if (!l.role) e[f('role')] = 'validation.required';
    if (l.conveyance) {
      if (!l.conveyance.conveyance_type) e[f('conveyance.conveyance_type')] = 'validation.required';
      if (!l.conveyance.identifier_kind) e[f('conveyance.identifier_kind')] = 'validation.required';
      if (!l.conveyance.identifier.trim()) e[f('conveyance.identifier')] = 'validation.required';
    } else if (!l.conveyance_id) e[f('conveyance_id')] = 'validation.pickOrCreate';
  });
  return e;
}
