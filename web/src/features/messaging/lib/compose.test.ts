import { describe, expect, it } from 'vitest';
import {
  composeFromParams,
  composeToCreate,
  emptyCompose,
  placeComposeErrors,
  recipientValue,
  validateCompose,
  withCaseReference,
  withWarning,
  type ComposeValues,
} from './compose';

const NOW = new Date('2026-03-01T12:00:00');
const CASE = '11111111-2222-4333-8444-555555555555';
const WARNING = '99999999-2222-4333-8444-555555555555';
const text = { feedbackSubject: (s: string) => `Feedback: ${s}`, seizureSubject: (r: string) => `Seizure ${r}` };

function warning(): ComposeValues {
  const v = emptyCompose('warning');
  v.subject = 'Container to watch';
  v.body = 'Please *check* it.';
  v.participants = [recipientValue({ unit_id: 'unit-1', name: 'Port of Antwerp' }), recipientValue({ user_id: 'user-2', unit_id: 'unit-9', name: 'Ana' })];
  v.template.watch = { type: 'container', description: 'Reefer with bananas', identifier: ' MSCU1234565 ', register_id: null };
  v.template.action_requested = 'Scan and report';
  v.template.feedback_due = '2026-03-05T09:30';
  return v;
}

describe('compose form', () => {
  it('reads the template and its prefill from the URL', () => {
    const w = composeFromParams(new URLSearchParams(`template=warning&case=${CASE}`));
    expect([w.kind, w.template.case_id]).toEqual(['warning', CASE]);
    const f = composeFromParams(new URLSearchParams(`template=feedback&warning=${WARNING}`));
    expect([f.kind, f.template.warning_id]).toEqual(['feedback', WARNING]);
    const bad = composeFromParams(new URLSearchParams('template=evil&case=not-a-uuid'));
    expect([bad.kind, bad.template.case_id]).toEqual(['general', null]);
  });

  it('checks what the contract requires, per template', () => {
    expect(validateCompose(warning(), NOW)).toEqual({});
    const empty = validateCompose(emptyCompose('warning'), NOW);
    expect(Object.keys(empty).sort()).toEqual(
      ['body', 'participants', 'subject', 'template.action_requested', 'template.feedback_due', 'template.watch.description', 'template.watch.type'].sort(),
    );
    const past = warning();
    past.template.feedback_due = '2026-02-01T09:00';
    past.template.risk_indicators = Array.from({ length: 21 }, (_, i) => `r${i}`);
    past.subject = 'x'.repeat(301);
    expect(validateCompose(past, NOW)).toEqual({
      'template.feedback_due': { key: 'messaging.validation.mustBeFuture' },
      'template.risk_indicators': { key: 'messaging.validation.tooMany', values: { max: 20 } },
      subject: { key: 'validation.tooLong', values: { max: 300 } },
    });
    const feedback = emptyCompose('feedback');
    feedback.subject = 'Done';
    feedback.body = 'Seized.';
    feedback.template.warning_id = WARNING;
    feedback.template.outcome = 'seized';
    // the warning's author is added by the server: no recipient needed; a seizure needs its case
    expect(validateCompose(feedback, NOW)).toEqual({ 'template.case_id': { key: 'messaging.validation.caseWhenSeized' } });
    const seizure = emptyCompose('seizure');
    expect(validateCompose(seizure, NOW)['template.case_id']).toEqual({ key: 'messaging.validation.caseRequired' });
    const huge = warning();
    huge.body = 'é'.repeat(32769); // 65 538 bytes
    expect(validateCompose(huge, NOW).body?.key).toBe('validation.tooLong');
  });

  it('maps the form to CreateThread with the template tagged by kind', () => {
    const body = composeToCreate(warning());
    expect(body.participants).toEqual([{ unit_id: 'unit-1' }, { user_id: 'user-2' }]);
    expect(body.handling).toBeNull();
    expect(body.template).toMatchObject({
      kind: 'warning',
      case_id: null,
      watch: { type: 'container', description: 'Reefer with bananas', identifier: 'MSCU1234565', register_id: null },
      route: null,
      expected_arrival: null,
      risk_indicators: [],
      action_requested: 'Scan and report',
    });
    expect(body.template.kind === 'warning' && body.template.feedback_due).toBe(new Date('2026-03-05T09:30').toISOString());
    const routed = warning();
    routed.template.route = { origin: 'CO', transit: ['NL'], destination: null, place: ' ' };
    expect(composeToCreate(routed).template).toMatchObject({ route: { origin: 'CO', transit: ['NL'], destination: null, place: null } });
    const f = withWarning(emptyCompose('feedback'), { id: WARNING, subject: 'Reefer', created_by: 'u7', created_by_name: 'Officer Seven' }, text);
    f.template.outcome = 'not_arrived';
    expect(composeToCreate(f)).toMatchObject({
      subject: 'Feedback: Reefer',
      participants: [{ user_id: 'u7' }],
      template: { kind: 'feedback', warning_id: WARNING, outcome: 'not_arrived', case_id: null },
    });
    const s = withCaseReference({ ...emptyCompose('seizure'), template: { ...emptyCompose().template, case_id: CASE } }, 'FR-2026-12', text);
    expect(composeToCreate(s)).toMatchObject({ subject: 'Seizure FR-2026-12', template: { kind: 'seizure', case_id: CASE } });
  });

  it('puts the server’s 422 errors at their fields, naming the recipient at fault', () => {
    const placed = placeComposeErrors(
      [
        { field: 'template.feedback_due', message: 'must be in the future', code: 'in_past' },
        { field: 'participants[1].user_id', message: 'user is disabled', code: 'disabled' },
        { field: 'template.route.transit[2]', message: 'unknown country', code: 'unknown_code' },
        { field: 'template.watch.register_id', message: 'no such record', code: 'not_found' },
        { field: 'template.kind', message: 'unknown template', code: 'invalid' },
        { field: 'template.warning_id', message: 'not a warning', code: 'invalid' },
      ],
      warning(),
    );
    expect(placed.fields).toEqual({
      'template.feedback_due': 'must be in the future',
      participants: 'Ana: user is disabled',
      'template.route.transit': 'unknown country',
      'template.watch.register_id': 'no such record',
      kind: 'unknown template',
    });
    // the warning template shows no warning picker: that error is listed under the form
    expect(placed.unplaced).toEqual([{ field: 'template.warning_id', message: 'not a warning' }]);
  });
});
