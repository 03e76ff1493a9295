// A registration parked under a provisional patient by a match review is in the
// match index while the review is open, so a later registration of the same person
// goes to review against it instead of becoming a silent new patient; the index stays
// exact when the review is linked, separated, or the patient erased, and a replay of
// the events reaches the same index.
import { KEYS_ISSUED_V1, REVIEW_OPENED_V1, Topics } from '@carechain/contracts';
import { normalise } from '@carechain/identity-mpi';
import { PatientKeyTable } from '@carechain/patient-keys';
import { IdentityState, indexId } from './identity-state';
import { IdentityErrorCode } from './identity.error';
import { ListReviewsUseCase } from './list-reviews.use-case';
import { registerPatientSchema, type RegisterPatientCommand } from './register-patient.command';
import type { RegistrationOutcome } from './register-patient.use-case';
import { identityFixture } from './testing/identity-fixture';

const margaret = { name: { given: ['Margaret'], family: 'Hopkirk' }, birthDate: '1956-04-09', gender: 'female' };
const leeds = [{ line: ['1 Elm Row'], city: 'Leeds', postalCode: 'LS1 4AP', country: 'GB' }];
const york = [{ line: ['12 Oak Road'], city: 'York', postalCode: 'YO1 7HH', country: 'GB' }];
const registration = (demographics: object, mrn: string): RegisterPatientCommand =>
  registerPatientSchema.parse({ demographics, identifiers: [{ system: `urn:carechain:mrn:${mrn}`, value: `${mrn}-1` }] });
// The person as first registered; then moved to York with a typo in the birth date (a
// review against A); then, still in York, with another wrong birth-date digit: too far
// from A to review it (A'' alone would be a new patient), the same person as A'.
const a = registration({ ...margaret, address: leeds }, 'hospital-a');
const aPrime = registration({ ...margaret, birthDate: '1956-04-19', address: york }, 'clinic-b');
const aSecond = registration({ ...margaret, birthDate: '1956-06-19', address: york }, 'clinic-c');
const desk = (organisation: string) => ({ subject: `desk@${organisation}`, organisation });
const steward = (organisation: string) => ({ subject: `steward@${organisation}`, organisation, roles: ['data-steward'] });
const dpo = (organisation: string) => ({ subject: `dpo@${organisation}`, organisation, roles: ['privacy-officer'] });

function pendingReview(outcome: RegistrationOutcome): string {
  if (outcome.outcome !== 'pending-review') throw new Error(`expected a review, got ${outcome.outcome}`);
  return outcome.reviewId;
}

async function threeRegistrations() {
  const f = await identityFixture();
  const first = await f.register.execute(a, desk('hospital-a'));
  if (first.outcome !== 'registered') throw new Error(`expected a new patient, got ${first.outcome}`);
  const review1 = pendingReview(await f.register.execute(aPrime, desk('clinic-b')));
  const review2 = pendingReview(await f.register.execute(aSecond, desk('clinic-c')));
  const r1 = f.state.review(review1)!;
  const r2 = f.state.review(review2)!;
  return { f, patientA: first.patientId, r1, r2 };
}

/**
 * Replays identity.patient.v1 as published into new states: one over the keys as they are
 * now, one whose keys arrive (and are shredded) only after the patient topic was read.
 * Both indexes must be the live one.
 */
async function expectReplayReachesSameIndex(f: Awaited<ReturnType<typeof identityFixture>>, ids: readonly string[]): Promise<void> {
  const withKeys = new IdentityState(f.keys);
  const laterKeys = new PatientKeyTable(f.kms);
  const keysLater = new IdentityState(laterKeys);
  laterKeys.onKeys((id) => keysLater.onKeysArrived(id));
  for (const { event } of f.publisher.on(Topics.identityPatient)) {
    withKeys.applyEvent(event);
    keysLater.applyEvent(event);
  }
  for (const { event } of f.publisher.on(Topics.identityKeys)) if (event.type === KEYS_ISSUED_V1) await laterKeys.put(event.data);
  for (const { key } of f.publisher.tombstones) laterKeys.shred(key);
  for (const replayed of [withKeys, keysLater]) {
    expect(replayed.index.size).toBe(f.state.index.size);
    expect(ids.map((id) => replayed.index.has(id))).toEqual(ids.map((id) => f.state.index.has(id)));
  }
}

describe('provisional patients in the match index', () => {
  it('indexes the provisional patient while its review is open: a later registration of the same person reviews against it', async () => {
    const { f, patientA, r1, r2 } = await threeRegistrations();
    expect(r1.candidatePatientId).toBe(patientA);
    expect(f.state.index.has(indexId(r1.provisionalPatientId, r1.registrationId))).toBe(true);
    // A'' against A alone scores below review: without the provisional patient it would have been a new patient.
    const withoutAPrime = await identityFixture();
    await withoutAPrime.register.execute(a, desk('hospital-a'));
    expect(withoutAPrime.state.index.match(normalise(aSecond.demographics, aSecond.identifiers)).decision).toBe('new');
    expect(r2.candidatePatientId).toBe(r1.provisionalPatientId);
    expect(f.state.index.size).toBe(3);
    const list = new ListReviewsUseCase(f.state).execute(steward('clinic-c')).reviews;
    expect(list).toEqual([expect.objectContaining({ reviewId: r2.reviewId, candidatePatientId: r1.provisionalPatientId, candidateReviewId: r1.reviewId })]);
    expect(f.publisher.ofType(REVIEW_OPENED_V1)).toHaveLength(2);
  });

  it('link: the provisional record leaves the index and joins the candidate; a review against it then links to that candidate', async () => {
    const { f, patientA, r1, r2 } = await threeRegistrations();
    await expect(f.reviews.execute(r2.reviewId, 'link', steward('clinic-c'))).rejects.toMatchObject({ code: IdentityErrorCode.CandidateUnderReview });
    expect(await f.reviews.execute(r1.reviewId, 'link', steward('clinic-b'))).toEqual({ patientId: patientA });
    expect(f.state.index.has(indexId(r1.provisionalPatientId, r1.registrationId))).toBe(false);
    expect(f.state.index.has(indexId(patientA, r1.registrationId))).toBe(true);
    expect(f.state.clusterOf(r1.provisionalPatientId)).toBe(patientA);
    expect(await f.reviews.execute(r2.reviewId, 'link', steward('clinic-c'))).toEqual({ patientId: patientA });
    expect(f.state.patient(patientA)?.registrations.map((r) => r.organisation)).toEqual(['hospital-a', 'clinic-b', 'clinic-c']);
    const ids = [patientA, r1.provisionalPatientId, r2.provisionalPatientId].flatMap((p) => [r1, r2].map((r) => indexId(p, r.registrationId)));
    expect(f.state.index.size).toBe(3);
    expect(ids.filter((id) => f.state.index.has(id))).toEqual([indexId(patientA, r1.registrationId), indexId(patientA, r2.registrationId)]);
    // The same person again now links to A: no review left to wait for.
    expect(await f.register.execute(aSecond, desk('clinic-d'))).toMatchObject({ outcome: 'linked', patientId: patientA });
    await expectReplayReachesSameIndex(f, ids);
  });

  it('separate: the provisional patient stays indexed once, as a patient of its own; a review against it links to it', async () => {
    const { f, patientA, r1, r2 } = await threeRegistrations();
    expect(await f.reviews.execute(r1.reviewId, 'separate', steward('clinic-b'))).toEqual({ patientId: r1.provisionalPatientId });
    expect(f.state.index.has(indexId(r1.provisionalPatientId, r1.registrationId))).toBe(true);
    expect(f.state.index.size).toBe(3);
    expect(await f.reviews.execute(r2.reviewId, 'link', steward('clinic-c'))).toEqual({ patientId: r1.provisionalPatientId });
    expect(f.state.patient(r1.provisionalPatientId)?.registrations.map((r) => r.organisation)).toEqual(['clinic-b', 'clinic-c']);
    expect(f.state.index.size).toBe(3);
    const ids = [patientA, r1.provisionalPatientId, r2.provisionalPatientId].flatMap((p) => [r1, r2].map((r) => indexId(p, r.registrationId)));
    await expectReplayReachesSameIndex(f, [...ids, indexId(patientA, f.state.patient(patientA)!.registrations[0].registrationId)]);
  });

  it('erasure: a separated provisional patient is erased from the index with its registrations', async () => {
    const { f, r1, r2 } = await threeRegistrations();
    await f.reviews.execute(r1.reviewId, 'separate', steward('clinic-b'));
    await f.reviews.execute(r2.reviewId, 'separate', steward('clinic-c'));
    expect(f.state.index.size).toBe(3);
    await f.erase.execute(r1.provisionalPatientId, 'data-subject-request', 'case-1', dpo('clinic-b'));
    expect(f.state.index.has(indexId(r1.provisionalPatientId, r1.registrationId))).toBe(false);
    expect(f.state.index.size).toBe(2);
    await expectReplayReachesSameIndex(f, [indexId(r1.provisionalPatientId, r1.registrationId), indexId(r2.provisionalPatientId, r2.registrationId)]);
  });

  it('a replay reaches the same index while reviews are open, also when the keys arrive after the registrations', async () => {
    const { f, r1, r2 } = await threeRegistrations();
    await expectReplayReachesSameIndex(f, [indexId(r1.provisionalPatientId, r1.registrationId), indexId(r2.provisionalPatientId, r2.registrationId)]);
  });
});
