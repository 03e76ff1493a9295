import { validateAuditEvent } from '../validate-audit-event';

const problems = (json: unknown) => {
  const r = validateAuditEvent(json);
  return r.ok ? [] : r.issues.map(({ path, code }) => [path, code]);
};

const minimal = () => ({
  resourceType: 'AuditEvent',
  type: { system: 'http://terminology.hl7.org/CodeSystem/audit-event-type', code: 'rest' },
  subtype: [{ system: 'http://hl7.org/fhir/restful-interaction', code: 'read' }],
  action: 'R',
  recorded: '2026-01-01T10:00:00.000Z',
  outcome: '0',
  agent: [
    {
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP' }] },
      who: { identifier: { value: 'dr-who' } },
      requestor: true,
    },
  ],
  source: { observer: { display: 'carechain records' } },
  entity: [
    {
      what: { reference: 'Patient/6f1c2b9e-1d2a-4c3b-8e7f-0a1b2c3d4e5f' },
      type: { system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type', code: '1' },
    },
  ],
});

describe('AuditEvent', () => {
  it('accepts a minimal BALP-shaped read', () => {
    expect(problems(minimal())).toEqual([]);
  });

  it('requires type, recorded, an agent with requestor, and a source observer', () => {
    const { type: _t, recorded: _r, ...rest } = minimal();
    expect(problems(rest)).toEqual(
      expect.arrayContaining([
        ['AuditEvent.type', 'required'],
        ['AuditEvent.recorded', 'required'],
      ]),
    );
    expect(problems({ ...minimal(), agent: [{ who: { display: 'x' } }] })).toEqual([['AuditEvent.agent[0].requestor', 'required']]);
    expect(problems({ ...minimal(), source: { site: 'records' } })).toEqual([['AuditEvent.source.observer', 'required']]);
  });

  it('checks the codes of action and outcome, the instant, and sev-1', () => {
    expect(problems({ ...minimal(), action: 'X' })).toEqual([['AuditEvent.action', 'code-invalid']]);
    expect(problems({ ...minimal(), outcome: '1' })).toEqual([['AuditEvent.outcome', 'code-invalid']]);
    expect(problems({ ...minimal(), recorded: '2026-01-01' })).toHaveLength(1);
    expect(problems({ ...minimal(), entity: [{ name: 'q', query: 'cT0x' }] })).toEqual([['AuditEvent.entity[0]', 'invariant']]);
  });
});
