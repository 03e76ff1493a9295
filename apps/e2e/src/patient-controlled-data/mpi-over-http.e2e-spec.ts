// MPI over HTTP: a population with known duplicates is linked right, and a re-registration returns the same id, on the real Kafka, Redis and Fabric.
import { generatePopulation } from '@carechain/identity-mpi';
import { call } from '../support/api';
import { token } from '../support/tokens';
import { scenario } from './pcd-world';

scenario('MPI over HTTP', (world) => {
  it('MPI: a generated population with known duplicates is linked right over HTTP, and a re-registration returns the same id', async () => {
    const w = world();
    // A fixed seed keeps this HTTP check deterministic: the MPI's accuracy over many seeds and
    // independent data is bench:mpi's job (BENCHMARKS.md), where seeds that still mislink are counted.
    const population = generatePopulation({ seed: 4242, people: 150, duplicates: 60 });
    const idOf = new Map<string, string>();
    const tally = { rightLinks: 0, wrongLinks: 0, missed: 0, reviews: 0, falseMerges: 0 };
    for (const r of population) {
      // Identifiers only: common family names (Grant, Young, ...) are ordinary words a log may rightly contain.
      w.phi.push(...r.identifiers.map((i) => i.value));
      const res = await call<{ id?: string; outcome: string }>(w.identity.url, 'POST', '/patients', w.t.registrarA, {
        demographics: r.demographics,
        identifiers: r.identifiers,
      });
      expect([200, 201, 202]).toContain(res.status);
      const known = idOf.get(r.trueId);
      if (res.body.outcome === 'pending-review') tally.reviews += 1;
      else if (res.body.outcome === 'linked') {
        if (known === undefined) tally.falseMerges += 1;
        else if (res.body.id === known) tally.rightLinks += 1;
        else tally.wrongLinks += 1;
      } else {
        if (known !== undefined) tally.missed += 1;
        else idOf.set(r.trueId, res.body.id!);
      }
    }
    const duplicates = population.filter((r) => idOf.has(r.trueId) && r.duplicate).length;
    // Precision is what protects patients: never link two people. Recall: most duplicates found, the rest go to review.
    expect(tally.wrongLinks + tally.falseMerges).toBe(0);
    expect(tally.rightLinks).toBeGreaterThanOrEqual(Math.floor(duplicates * 0.9));
    expect(tally.missed).toBeLessThanOrEqual(Math.ceil(duplicates * 0.05));

    const first = population.find((r) => !r.duplicate)!;
    const again = await call<{ id: string; outcome: string }>(w.identity.url, 'POST', '/patients', w.t.registrarB, {
      demographics: first.demographics,
      identifiers: first.identifiers,
    });
    expect(again).toMatchObject({ status: 200, body: { outcome: 'linked', id: idOf.get(first.trueId) } });
    const reviews = await call<{ reviews: unknown[] }>(
      w.identity.url,
      'GET',
      '/mpi/reviews',
      await token({ sub: 'steward', roles: ['data-steward'], org: 'hospital-a' }),
    );
    expect(reviews.status).toBe(200);
    expect(reviews.body.reviews.length).toBeGreaterThanOrEqual(tally.reviews);
  });

  it('MPI: a registration of a person whose earlier registration waits in review reviews against it, not a silent new patient; resolved in order, all three are one patient', async () => {
    const w = world();
    const stewardA = await token({ sub: 'steward-a', roles: ['data-steward'], org: 'hospital-a' });
    const stewardB = await token({ sub: 'steward-b', roles: ['data-steward'], org: 'clinic-b' });
    const person = { name: { given: ['Margaret'], family: 'Quillfeather' }, birthDate: '1956-04-09', gender: 'female' };
    const york = [{ line: ['12 Oak Road'], city: 'York', postalCode: 'YO1 7HH', country: 'GB' }];
    const register = (token: string, demographics: object, mrn: string) => {
      w.phi.push(mrn);
      return call<{ id?: string; outcome: string; reviewId?: string }>(w.identity.url, 'POST', '/patients', token, {
        demographics,
        identifiers: [{ system: `urn:carechain:mrn:e2e-${mrn}`, value: mrn }],
      });
    };
    // A; then A' moved to York with a typo in the birth date (a review against A); then A''
    // in York with another wrong digit: too far from A alone, the same person as A'.
    const a = await register(w.t.registrarA, { ...person, address: [{ line: ['1 Elm Row'], city: 'Leeds', postalCode: 'LS1 4AP', country: 'GB' }] }, 'QF-1');
    expect(a).toMatchObject({ status: 201, body: { outcome: 'registered' } });
    const aPrime = await register(w.t.registrarB, { ...person, birthDate: '1956-04-19', address: york }, 'QF-2');
    expect(aPrime).toMatchObject({ status: 202, body: { outcome: 'pending-review' } });
    const aSecond = await register(w.t.registrarA, { ...person, birthDate: '1956-06-19', address: york }, 'QF-3');
    expect(aSecond).toMatchObject({ status: 202, body: { outcome: 'pending-review' } });

    type Review = { reviewId: string; candidatePatientId: string; candidateReviewId?: string };
    const listed = await call<{ reviews: Review[] }>(w.identity.url, 'GET', '/mpi/reviews', stewardA);
    const second = listed.body.reviews.find((r) => r.reviewId === aSecond.body.reviewId);
    expect(second).toMatchObject({ candidateReviewId: aPrime.body.reviewId });
    expect(second!.candidatePatientId).not.toBe(a.body.id);
    const link = (reviewId: string, steward: string) =>
      call<{ patientId?: string; type?: string }>(w.identity.url, 'POST', `/mpi/reviews/${reviewId}/link`, steward);
    const early = await link(aSecond.body.reviewId!, stewardA);
    expect(early.status).toBe(409);
    expect(early.body.type).toMatch(/identity\/candidate-under-review$/);
    expect(await link(aPrime.body.reviewId!, stewardB)).toMatchObject({ status: 200, body: { patientId: a.body.id } });
    expect(await link(aSecond.body.reviewId!, stewardA)).toMatchObject({ status: 200, body: { patientId: a.body.id } });
    // The index holds A'' in A now: the same registration again links straight to A.
    expect(await register(w.t.registrarB, { ...person, birthDate: '1956-06-19', address: york }, 'QF-4')).toMatchObject({
      status: 200,
      body: { outcome: 'linked', id: a.body.id },
    });
  });
});
