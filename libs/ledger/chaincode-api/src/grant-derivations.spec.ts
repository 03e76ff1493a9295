import { createHmac } from 'node:crypto';
import { grantEventCommitment, grantKeyOf, grantRegistrationOf, grantScopeBytes } from './grant-derivations';

const salt = Buffer.alloc(32, 7);
const terms = {
  grantId: '9a1c2b9e-1d2a-4c3b-8e7f-0a1b2c3d4e5f',
  patientId: '6f1c2b9e-1d2a-4c3b-8e7f-0a1b2c3d4e5f',
  granteeOrganisation: 'clinic-b',
  categories: ['conditions', 'allergies'],
  purposes: ['TREAT'],
  validFrom: '2026-01-01T00:00:00Z',
};
const hmac = (m: string) => createHmac('sha256', salt).update(m).digest('hex');

describe('grant derivations', () => {
  it('computes each value exactly as chaincode/README.md specifies', () => {
    expect(grantRegistrationOf(salt, terms, 'ev-1')).toEqual({
      grantKey: hmac(`grant:${terms.grantId}`),
      patientCommitment: hmac(`grant-patient:${terms.grantId}:${terms.patientId}`),
      scopeCommitment: hmac(`grant-scope:${terms.grantId}:{"categories":["allergies","conditions"],"purposes":["TREAT"],"practitioner":null}`),
      granteeCommitment: hmac(`grant-grantee:${terms.grantId}:clinic-b`),
      validFrom: '2026-01-01T00:00:00.000Z',
      validUntil: null,
      eventCommitment: hmac(`grant-event:${terms.grantId}:ev-1`),
    });
    expect(grantScopeBytes({ ...terms, granteePractitioner: 'dr-b' })).toBe(
      '{"categories":["allergies","conditions"],"purposes":["TREAT"],"practitioner":"dr-b"}',
    );
  });

  it('gives two grants with the same patient, grantee, scope and window no common value', () => {
    const a = Object.values(grantRegistrationOf(salt, terms, 'ev-1'));
    const b = Object.values(grantRegistrationOf(salt, { ...terms, grantId: '8b1c2b9e-1d2a-4c3b-8e7f-0a1b2c3d4e5f' }, 'ev-2'));
    expect(a.slice(0, 4).filter((v) => b.includes(v))).toEqual([]);
    expect(grantEventCommitment(salt, terms.grantId, 'ev-1')).not.toBe(grantEventCommitment(salt, terms.grantId, 'ev-2'));
  });

  it('refuses a salt shorter than 32 bytes', () => {
    expect(() => grantKeyOf(Buffer.alloc(16), terms.grantId)).toThrow(RangeError);
  });
});
