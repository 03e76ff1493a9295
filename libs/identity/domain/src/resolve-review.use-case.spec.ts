// Resolving a match review, from a review opened deterministically (the matcher's
// thresholds decide whether a real registration lands in the grey zone; this spec
// is about what a person's decision does, so it opens the review itself, exactly as
// RegisterPatientUseCase would).
import { randomUUID } from 'node:crypto';
import { createEvent, PATIENT_LINKED_V1, PATIENT_REGISTERED_V2, REVIEW_OPENED_V1 } from '@carechain/contracts';
import { sealJson } from '@carechain/crypto';
import { detailsContext } from './identity-state';
import { IdentityErrorCode } from './identity.error';
import { ListReviewsUseCase } from './list-reviews.use-case';
import { registerPatientSchema } from './register-patient.command';
import { identityFixture } from './testing/identity-fixture';

const grace = registerPatientSchema.parse({
  demographics: { name: { given: ['Margaret'], family: 'Hopkirk' }, birthDate: '1956-04-09', gender: 'female' },
  identifiers: [{ system: 'urn:carechain:mrn:hospital-a', value: 'MRN-7' }],
});
const steward = (organisation: string) => ({ subject: `steward@${organisation}`, organisation, roles: ['data-steward'] });

async function withReview(registeringOrg = 'clinic-c') {
  const f = await identityFixture();
  const candidate = await f.register.execute(grace, { subject: 'desk', organisation: 'hospital-a' });
  if (candidate.outcome !== 'registered') throw new Error(`expected a new patient, got ${candidate.outcome}`);
  const provisional = randomUUID();
  const registrationId = randomUUID();
  await f.issuer.issue(provisional);
  const details = sealJson(
    f.keys.require(provisional),
    { ...grace, identifiers: [{ system: 'urn:carechain:mrn:clinic-c', value: 'C-1' }] },
    detailsContext(provisional, registrationId),
  );
  const reviewId = randomUUID();
  f.state.applyEvent(
    createEvent({
      type: REVIEW_OPENED_V1,
      source: '/spec',
      subject: provisional,
      data: {
        reviewId,
        provisionalPatientId: provisional,
        candidatePatientId: candidate.patientId,
        registrationId,
        custodian: registeringOrg,
        details,
        evidence: { score: 20, fields: [{ field: 'birthDate', level: 'one-digit', weight: 3 }] },
      },
    }),
  );
  return { f, reviewId, provisional, candidateId: candidate.patientId };
}

describe('ResolveReviewUseCase', () => {
  it('links: the registration is re-sealed under the candidate, the provisional keys are shredded, the review closes', async () => {
    const { f, reviewId, provisional, candidateId } = await withReview();
    expect(await f.reviews.execute(reviewId, 'link', steward('clinic-c'))).toEqual({ patientId: candidateId });
    expect(f.publisher.ofType(PATIENT_LINKED_V1).map((e) => (e.data as { patientId: string }).patientId)).toEqual([candidateId]);
    expect(f.keys.isShredded(provisional)).toBe(true);
    expect(f.state.openReviews()).toEqual([]);
    expect(f.state.patient(candidateId)?.registrations.map((r) => r.organisation)).toEqual(['hospital-a', 'clinic-c']);
  });

  it('separates: the provisional patient becomes a patient of the registering organisation with its own keys', async () => {
    const { f, reviewId, provisional } = await withReview();
    expect(await f.reviews.execute(reviewId, 'separate', steward('clinic-c'))).toEqual({ patientId: provisional });
    expect(f.publisher.ofType(PATIENT_REGISTERED_V2).at(-1)?.data).toMatchObject({
      patientId: provisional,
      custodian: 'clinic-c',
      match: { decision: 'separated', reviewId },
    });
    expect(f.keys.isShredded(provisional)).toBe(false);
    expect(f.state.patient(provisional)?.custodian).toBe('clinic-c');
  });

  it('refuses a second decision, an unknown review, and stewards of another organisation', async () => {
    const { f, reviewId } = await withReview();
    await expect(f.reviews.execute(reviewId, 'link', steward('hospital-a'))).rejects.toMatchObject({ code: IdentityErrorCode.Forbidden });
    await expect(f.reviews.execute(randomUUID(), 'link', steward('clinic-c'))).rejects.toMatchObject({ code: IdentityErrorCode.ReviewNotFound });
    await f.reviews.execute(reviewId, 'separate', steward('clinic-c'));
    await expect(f.reviews.execute(reviewId, 'link', steward('clinic-c'))).rejects.toMatchObject({ code: IdentityErrorCode.ReviewClosed });
  });

  it('lists a review, decrypted, to the registering organisation only', async () => {
    const { f, reviewId, candidateId } = await withReview();
    const list = new ListReviewsUseCase(f.state);
    expect(list.execute(steward('clinic-c')).reviews).toEqual([
      expect.objectContaining({
        reviewId,
        candidatePatientId: candidateId,
        registration: expect.objectContaining({ organisation: 'clinic-c', identifiers: [{ system: 'urn:carechain:mrn:clinic-c', value: 'C-1' }] }),
      }),
    ]);
    expect(list.execute(steward('hospital-a')).reviews).toEqual([]);
    expect(() => list.execute({ subject: 'desk', organisation: 'clinic-c', roles: ['registrar'] })).toThrow(
      expect.objectContaining({ code: IdentityErrorCode.Forbidden }),
    );
  });
});
