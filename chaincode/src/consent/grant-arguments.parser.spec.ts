import { GRANT_ID, PATIENT_COMMITMENT, SCOPE_COMMITMENT, registerArgs } from '../testing/consent-fixtures';
import { parseGrantRegistration, parseGrantStatusChange } from './grant-arguments.parser';

describe('parseGrantRegistration', () => {
  it('turns valid arguments into a typed registration', () => {
    expect(parseGrantRegistration(registerArgs())).toEqual({
      grantId: GRANT_ID,
      patientCommitment: PATIENT_COMMITMENT,
      scopeCommitment: SCOPE_COMMITMENT,
      granteeOrg: 'PayerOrg',
      validFrom: '2025-03-01T00:00:00.000Z',
      validUntil: '2025-06-01T00:00:00.000Z',
      sourceEventId: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
    });
  });

  it('accepts the edges: open-ended, a 1 ms window, 64-character org, 128-character event id', () => {
    expect(parseGrantRegistration(registerArgs({ validUntil: '' })).validUntil).toBeNull();
    expect(parseGrantRegistration(registerArgs({ validUntil: '2025-03-01T00:00:00.001Z' })).validUntil).toBe('2025-03-01T00:00:00.001Z');
    expect(parseGrantRegistration(registerArgs({ granteeOrg: `a.b_c-${'D'.repeat(58)}` })).granteeOrg).toHaveLength(64);
    expect(parseGrantRegistration(registerArgs({ sourceEventId: `records.consent:3:${'9'.repeat(110)}` })).sourceEventId).toHaveLength(128);
  });

  it.each([
    ['grantId upper case', { grantId: GRANT_ID.toUpperCase() }, 'grantId'],
    ['grantId without dashes', { grantId: GRANT_ID.replace(/-/g, '') }, 'grantId'],
    ['grantId the nil UUID', { grantId: '00000000-0000-0000-0000-000000000000' }, 'grantId'],
    ['grantId a patient id with a suffix', { grantId: `${GRANT_ID}/x` }, 'grantId'],
    ['patientCommitment too short', { patientCommitment: PATIENT_COMMITMENT.slice(1) }, 'patientCommitment'],
    ['patientCommitment too long', { patientCommitment: `${PATIENT_COMMITMENT}0` }, 'patientCommitment'],
    ['patientCommitment upper case', { patientCommitment: PATIENT_COMMITMENT.toUpperCase() }, 'patientCommitment'],
    ['scopeCommitment base64', { scopeCommitment: Buffer.from(SCOPE_COMMITMENT, 'hex').toString('base64') }, 'scopeCommitment'],
    ['scopeCommitment purposes in clear', { scopeCommitment: 'TREAT' }, 'scopeCommitment'],
    ['granteeOrg empty', { granteeOrg: '' }, 'granteeOrg'],
    ['granteeOrg of 65 characters', { granteeOrg: 'o'.repeat(65) }, 'granteeOrg'],
    ['granteeOrg a practitioner name', { granteeOrg: 'Dr Jane Doe' }, 'granteeOrg'],
    ['validFrom without milliseconds', { validFrom: '2025-03-01T00:00:00Z' }, 'validFrom'],
    ['validFrom a date only', { validFrom: '2025-03-01' }, 'validFrom'],
    ['validUntil impossible', { validUntil: '2025-02-30T00:00:00.000Z' }, 'validUntil'],
    ['validUntil a blank', { validUntil: ' ' }, 'validUntil'],
    ['validUntil equal to validFrom', { validUntil: '2025-03-01T00:00:00.000Z' }, 'validFrom must be before validUntil'],
    ['validUntil before validFrom', { validUntil: '2025-02-01T00:00:00.000Z' }, 'validFrom must be before validUntil'],
    ['sourceEventId empty', { sourceEventId: '' }, 'sourceEventId'],
    ['sourceEventId of 129 characters', { sourceEventId: 'e'.repeat(129) }, 'sourceEventId'],
    ['sourceEventId with a space', { sourceEventId: 'event 1' }, 'sourceEventId'],
    ['sourceEventId with non-ASCII', { sourceEventId: 'événement' }, 'sourceEventId'],
  ])('refuses %s', (_case, overrides, message) => {
    expect(() => parseGrantRegistration(registerArgs(overrides))).toThrow(/^INVALID_ARGUMENT: /);
    expect(() => parseGrantRegistration(registerArgs(overrides))).toThrow(message);
  });

  it('refuses non-string arguments', () => {
    const args = { ...registerArgs(), validUntil: undefined as unknown as string };
    expect(() => parseGrantRegistration(args)).toThrow('INVALID_ARGUMENT: every argument must be a string');
  });
});

describe('parseGrantStatusChange', () => {
  it('keeps the supplied time and event id', () => {
    expect(parseGrantStatusChange(GRANT_ID, '2025-04-01T08:59:58.000Z', 'revokedAt', 'ev-1')).toEqual({ grantId: GRANT_ID, at: '2025-04-01T08:59:58.000Z', sourceEventId: 'ev-1' });
  });

  it('names the time argument it refuses', () => {
    expect(() => parseGrantStatusChange(GRANT_ID, 'now', 'expiredAt', 'ev-1')).toThrow('INVALID_ARGUMENT: expiredAt must be an ISO-8601 UTC time');
    expect(() => parseGrantStatusChange(GRANT_ID, '2025-04-01T08:59:58.000+00:00', 'revokedAt', 'ev-1')).toThrow('INVALID_ARGUMENT: revokedAt');
  });

  it('refuses a non-string argument', () => {
    expect(() => parseGrantStatusChange(GRANT_ID, '2025-04-01T08:59:58.000Z', 'revokedAt', 7 as unknown as string)).toThrow('INVALID_ARGUMENT: every argument must be a string');
  });
});
