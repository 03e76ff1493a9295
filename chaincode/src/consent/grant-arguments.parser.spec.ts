import { EVENT_COMMITMENT, GRANT_KEY, PATIENT_COMMITMENT, REGISTERED_GRANT, SCOPE_COMMITMENT, registerArgs } from '../testing/consent-fixtures';
import { parseGrantRegistration, parseGrantStatusChange } from './grant-arguments.parser';

const GRANT_ID = '0b9d6a52-7c1e-4f3a-9d2b-5e8f1a6c3b70';
const EVENT_ID = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';

describe('parseGrantRegistration', () => {
  it('turns valid arguments into a typed registration', () => {
    expect(parseGrantRegistration(registerArgs())).toEqual({ ...REGISTERED_GRANT, validUntil: '2025-06-01T00:00:00.000Z', eventCommitment: EVENT_COMMITMENT });
  });

  it('accepts the edges: open-ended, a 1 ms window', () => {
    expect(parseGrantRegistration(registerArgs({ validUntil: '' })).validUntil).toBeNull();
    expect(parseGrantRegistration(registerArgs({ validUntil: '2025-03-01T00:00:00.001Z' })).validUntil).toBe('2025-03-01T00:00:00.001Z');
  });

  it.each([
    ['grantKey upper case', { grantKey: GRANT_KEY.toUpperCase() }, 'grantKey'],
    ['grantKey a grant id in clear', { grantKey: GRANT_ID }, 'grantKey'],
    ['grantKey a grant id without dashes', { grantKey: GRANT_ID.replace(/-/g, '') }, 'grantKey'],
    ['patientCommitment too short', { patientCommitment: PATIENT_COMMITMENT.slice(1) }, 'patientCommitment'],
    ['patientCommitment too long', { patientCommitment: `${PATIENT_COMMITMENT}0` }, 'patientCommitment'],
    ['patientCommitment upper case', { patientCommitment: PATIENT_COMMITMENT.toUpperCase() }, 'patientCommitment'],
    ['scopeCommitment base64', { scopeCommitment: Buffer.from(SCOPE_COMMITMENT, 'hex').toString('base64') }, 'scopeCommitment'],
    ['scopeCommitment purposes in clear', { scopeCommitment: 'TREAT' }, 'scopeCommitment'],
    ['granteeCommitment an organisation id in clear', { granteeCommitment: 'PayerOrg' }, 'granteeCommitment'],
    ['granteeCommitment empty', { granteeCommitment: '' }, 'granteeCommitment'],
    ['validFrom without milliseconds', { validFrom: '2025-03-01T00:00:00Z' }, 'validFrom'],
    ['validFrom a date only', { validFrom: '2025-03-01' }, 'validFrom'],
    ['validUntil impossible', { validUntil: '2025-02-30T00:00:00.000Z' }, 'validUntil'],
    ['validUntil a blank', { validUntil: ' ' }, 'validUntil'],
    ['validUntil equal to validFrom', { validUntil: '2025-03-01T00:00:00.000Z' }, 'validFrom must be before validUntil'],
    ['validUntil before validFrom', { validUntil: '2025-02-01T00:00:00.000Z' }, 'validFrom must be before validUntil'],
    ['eventCommitment an event id in clear', { eventCommitment: EVENT_ID }, 'eventCommitment'],
    ['eventCommitment empty', { eventCommitment: '' }, 'eventCommitment'],
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
  it('keeps the supplied time and event commitment', () => {
    expect(parseGrantStatusChange(GRANT_KEY, '2025-04-01T08:59:58.000Z', 'revokedAt', EVENT_COMMITMENT)).toEqual({
      grantKey: GRANT_KEY,
      at: '2025-04-01T08:59:58.000Z',
      eventCommitment: EVENT_COMMITMENT,
    });
  });

  it('names the argument it refuses', () => {
    expect(() => parseGrantStatusChange(GRANT_KEY, 'now', 'expiredAt', EVENT_COMMITMENT)).toThrow('INVALID_ARGUMENT: expiredAt must be an ISO-8601 UTC time');
    expect(() => parseGrantStatusChange(GRANT_KEY, '2025-04-01T08:59:58.000+00:00', 'revokedAt', EVENT_COMMITMENT)).toThrow('INVALID_ARGUMENT: revokedAt');
    expect(() => parseGrantStatusChange(GRANT_ID, '2025-04-01T08:59:58.000Z', 'revokedAt', EVENT_COMMITMENT)).toThrow('INVALID_ARGUMENT: grantKey');
    expect(() => parseGrantStatusChange(GRANT_KEY, '2025-04-01T08:59:58.000Z', 'revokedAt', EVENT_ID)).toThrow('INVALID_ARGUMENT: eventCommitment');
  });

  it('refuses a non-string argument', () => {
    expect(() => parseGrantStatusChange(GRANT_KEY, '2025-04-01T08:59:58.000Z', 'revokedAt', 7 as unknown as string)).toThrow(
      'INVALID_ARGUMENT: every argument must be a string',
    );
  });
});
