import { fullAppointment, minimalAppointment } from '../testing/administrative.examples';
import { issuesOf, omit, problemsOf } from '../testing/issues';

describe('Appointment', () => {
  it('accepts the full and the minimal example', () => {
    expect(problemsOf(fullAppointment())).toEqual([]);
    expect(problemsOf(minimalAppointment())).toEqual([]);
  });

  it('requires status and at least one participant (1..*)', () => {
    expect(problemsOf(omit(minimalAppointment(), 'status', 'participant'))).toEqual([
      ['Appointment.status', 'required'],
      ['Appointment.participant', 'required'],
    ]);
    expect(issuesOf({ ...minimalAppointment(), participant: [] })).toEqual([
      { path: 'Appointment.participant', code: 'required', message: 'at least one item is required (cardinality 1..*)' },
    ]);
  });

  it('checks the status and the participant codes', () => {
    const participant = [{ actor: { reference: 'Patient/p-123' }, required: 'mandatory', status: 'confirmed' }];
    expect(problemsOf({ ...minimalAppointment(), status: 'scheduled', participant })).toEqual([
      ['Appointment.status', 'code-invalid'],
      ['Appointment.participant[0].required', 'code-invalid'],
      ['Appointment.participant[0].status', 'code-invalid'],
    ]);
  });

  it('requires the participation status of each participant', () => {
    const participant = [...fullAppointment().participant, { actor: { reference: 'RelatedPerson/rp-1' } }];
    expect(problemsOf({ ...fullAppointment(), participant })).toEqual([['Appointment.participant[3].status', 'required']]);
  });

  it('app-1: a participant has a type or an actor', () => {
    expect(problemsOf({ ...minimalAppointment(), participant: [{ status: 'accepted', required: 'optional' }] })).toEqual([
      ['Appointment.participant[0]', 'invariant'],
    ]);
  });

  it('app-2 and app-3: a booked appointment has both start and end', () => {
    expect(issuesOf(omit(fullAppointment(), 'end'))).toEqual([
      { path: 'Appointment', code: 'invariant', message: 'app-2: either start and end are specified, or neither' },
      { path: 'Appointment', code: 'invariant', message: 'app-3: only proposed or cancelled appointments can be missing start/end dates' },
    ]);
    expect(problemsOf(omit(fullAppointment(), 'start', 'end'))).toEqual([['Appointment', 'invariant']]);
    expect(problemsOf({ ...omit(fullAppointment(), 'start', 'end'), status: 'waitlist' })).toEqual([]);
  });

  it('wants start and end as instants', () => {
    expect(problemsOf({ ...fullAppointment(), start: '2024-03-01', end: '2024-03-01T10:00:00' })).toEqual([
      ['Appointment.start', 'value'],
      ['Appointment.end', 'value'],
    ]);
  });

  it('counts minutes from 1 and priority from 0', () => {
    expect(problemsOf({ ...fullAppointment(), minutesDuration: 0, priority: -1 })).toEqual([
      ['Appointment.priority', 'value'],
      ['Appointment.minutesDuration', 'value'],
    ]);
  });
});
