import { describe, expect, it } from 'vitest';
import type { Me } from '@/api/types';
import type { Alert } from '../api/types';
import { alertAbilities } from './abilities';
import {
  addMonths,
  alertErrorPath,
  alertFieldErrorMessage,
  alertInput,
  alertToForm,
  emptyAlertForm,
  isDay,
  prefillFromParams,
  renewalBounds,
  today,
  validateAlert,
} from './alertForm';
import { filtersFromParams, filtersToParams, filtersToQuery, hitStatusFromParams } from './filters';

const t = (key: string) => `t:${key}`;
const DAY = '2026-03-15';

describe('days', () => {
  it('adds calendar months, a missing day becoming the month’s last', () => {
    expect(addMonths('2026-03-15', 6)).toBe('2026-09-15');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-12-10', 12)).toBe('2027-12-10');
  });

  it('knows a real day from a wrong one, and today as the server counts it (UTC)', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('26-02-28')).toBe(false);
    expect(today(new Date('2026-03-15T23:30:00-05:00'))).toBe('2026-03-16');
  });

  it('offers a renewal of six months, or up to the current end when later, never past 12 months', () => {
    expect(renewalBounds(DAY)).toEqual({ max: '2027-03-15', initial: '2026-09-15' });
    expect(renewalBounds(DAY, '2026-12-01')).toEqual({ max: '2027-03-15', initial: '2026-12-01' });
    expect(renewalBounds(DAY, '2025-01-01').initial).toBe('2026-09-15');
  });
});

describe('the alert form', () => {
  it('starts valid from today for six months', () => {
    const v = emptyAlertForm(DAY);
    expect(v.valid_from).toBe(DAY);
    expect(v.valid_until).toBe('2026-09-15');
    expect(v.subject_kind).toBe('person');
  });

  it('is prefilled with the record a link names', () => {
    expect(prefillFromParams(new URLSearchParams('company_id=c1'))).toEqual({ kind: 'company', id: 'c1' });
    expect(prefillFromParams(new URLSearchParams('conveyance_id=v1'))).toEqual({ kind: 'conveyance', id: 'v1' });
    expect(prefillFromParams(new URLSearchParams('person_id=%20'))).toBeNull();
  });

  it('sends only the subject the kind names, text trimmed and blanks as null', () => {
    const v = { ...emptyAlertForm(DAY), record: { id: 'p1', label: 'X' }, reason: ' intel ', risk_level: 'high' as const, requested_action: 'detain' as const };
    v.identifier = 'ignored';
    expect(alertInput(v)).toEqual({
      subject_kind: 'person',
      person_id: 'p1',
      company_id: null,
      conveyance_id: null,
      identifier_kind: null,
      identifier: null,
      reason: 'intel',
      risk_level: 'high',
      requested_action: 'detain',
      handling_instructions: null,
      valid_from: DAY,
      valid_until: '2026-09-15',
    });
    const ident = { ...v, subject_kind: 'identifier' as const, identifier_kind: 'container' as const, identifier: ' MSCU1234567 ' };
    expect(alertInput(ident)).toMatchObject({ person_id: null, identifier_kind: 'container', identifier: 'MSCU1234567' });
  });

  it('checks what is required and the validity before sending', () => {
    expect(validateAlert(emptyAlertForm(DAY), DAY)).toEqual({
      record: 'alerts.validation.pickRecord',
      reason: 'validation.required',
      risk_level: 'validation.required',
      requested_action: 'validation.required',
    });
    const ok = { ...emptyAlertForm(DAY), record: { id: 'p1', label: 'X' }, reason: 'r', risk_level: 'low' as const, requested_action: 'control' as const };
    expect(validateAlert(ok, DAY)).toEqual({});
    expect(validateAlert({ ...ok, valid_until: '2027-03-16' }, DAY)).toEqual({ valid_until: 'alerts.validation.tooLong' });
    expect(validateAlert({ ...ok, valid_until: '2027-03-15' }, DAY)).toEqual({});
    expect(validateAlert({ ...ok, valid_until: '2026-03-14' }, DAY)).toEqual({ valid_until: 'alerts.validation.beforeStart' });
    expect(validateAlert({ ...ok, valid_from: '2026-01-01', valid_until: '2026-02-01' }, DAY)).toEqual({ valid_until: 'alerts.validation.past' });
    expect(validateAlert({ ...ok, valid_until: '' }, DAY)).toEqual({ valid_until: 'validation.required' });
    expect(validateAlert({ ...ok, subject_kind: 'identifier' }, DAY)).toEqual({
      identifier_kind: 'validation.required',
      identifier: 'validation.required',
    });
  });

  it('shows the server’s errors on the subject’s id at the record picker, in the UI language when known', () => {
    expect(alertErrorPath('company_id')).toBe('record');
    expect(alertErrorPath('reason')).toBe('reason');
    expect(alertFieldErrorMessage(t, { field: 'valid_until', code: 'too_long', message: 'x' })).toBe('t:alerts.validation.tooLong');
    expect(alertFieldErrorMessage(t, { field: 'valid_until', code: 'range', message: 'x' })).toBe('t:alerts.validation.beforeStart');
    expect(alertFieldErrorMessage(t, { field: 'reason', code: 'required', message: 'x' })).toBe('t:validation.required');
    expect(alertFieldErrorMessage(t, { field: 'identifier', code: 'format', message: 'must be letters and digits' })).toBe('must be letters and digits');
  });
});

const alert = (over: Partial<Alert> = {}): Alert => ({
  id: 'a1',
  reference: 'FR-ALR-2026-000001',
  status: 'draft',
  subject_kind: 'person',
  subject_label: 'BENSALEH Abdelkader (1979-11-07)',
  person_id: 'p1',
  reason: 'intel',
  risk_level: 'high',
  requested_action: 'discreet_check',
  handling_instructions: 'Do not alert the subject',
  valid_from: '2026-03-01',
  valid_until: '2026-09-01',
  owner: { id: 'inv', name: 'Investigator' },
  created_by: { id: 'inv', name: 'Investigator' },
  unit: { id: 'u1', name: 'Unit' },
  hits: { new: 0, confirmed: 0, dismissed: 0 },
  created_at: '2026-03-01T10:00:00Z',
  updated_at: '2026-03-01T10:00:00Z',
  version: 1,
  ...over,
});
const me = (id: string, permissions: string[]) => ({ id, permissions }) as unknown as Me;

describe('an alert as the form and the actions see it', () => {
  it('edits a draft with its subject chosen', () => {
    expect(alertToForm(alert())).toMatchObject({ subject_kind: 'person', record: { id: 'p1', label: 'BENSALEH Abdelkader (1979-11-07)' }, handling_instructions: 'Do not alert the subject' });
    const ident = alertToForm(alert({ subject_kind: 'identifier', person_id: null, identifier_kind: 'plate', identifier: 'AB-123-CD' }));
    expect(ident).toMatchObject({ record: null, identifier_kind: 'plate', identifier: 'AB-123-CD' });
  });

  it('offers activate and renew to a supervisor who neither wrote nor owns the alert', () => {
    const sup = me('sup', ['alerts.write', 'alerts.activate']);
    expect(alertAbilities(sup, alert())).toEqual({ edit: true, activate: true, renew: false, withdraw: true, own: false });
    expect(alertAbilities(sup, alert({ status: 'expired' }))).toMatchObject({ edit: false, activate: false, renew: true, withdraw: true });
    expect(alertAbilities(sup, alert({ status: 'withdrawn' }))).toMatchObject({ renew: false, withdraw: false });
    expect(alertAbilities(me('inv', ['alerts.write', 'alerts.activate']), alert()).own).toBe(true);
    expect(alertAbilities(me('inv', ['alerts.write']), alert({ status: 'active' }))).toEqual({ edit: false, activate: false, renew: false, withdraw: true, own: true });
  });
});

describe('filters in the address', () => {
  it('reads only known values and writes only those set', () => {
    const f = filtersFromParams(new URLSearchParams('status=active&subject_kind=martian&mine=1&q=%20bens%20'));
    expect(f).toEqual({ status: 'active', subject_kind: null, mine: true, q: 'bens' });
    expect(filtersToParams(f).toString()).toBe('status=active&mine=1&q=bens');
    expect(filtersToQuery(f)).toEqual({ status: 'active', mine: true, q: 'bens' });
    expect(filtersToQuery(filtersFromParams(new URLSearchParams()))).toEqual({});
  });

  it('shows new hits unless asked otherwise', () => {
    expect(hitStatusFromParams(new URLSearchParams())).toBe('new');
    expect(hitStatusFromParams(new URLSearchParams('status=dismissed'))).toBe('dismissed');
    expect(hitStatusFromParams(new URLSearchParams('status=bogus'))).toBe('new');
  });
});
