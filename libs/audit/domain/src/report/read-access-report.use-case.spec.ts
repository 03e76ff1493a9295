import { AuditAccessError } from '../audit-access.error';
import { AuditWorld, CLINIC, CUSTODIAN } from '../testing/audit-world';
import { ReadAccessReportUseCase } from './read-access-report.use-case';

const GRANT = '11111111-1111-4111-8111-111111111111';
const at = (minute: number) => new Date(Date.UTC(2026, 3, 1, 9, minute));
const staff = (subject: string, organisation: string, roles: string[]) => ({ subject, organisation, roles });

describe("a patient's access report", () => {
  let world: AuditWorld;
  let patientId: string;
  let report: ReadAccessReportUseCase;

  beforeEach(() => {
    world = new AuditWorld();
    patientId = world.registerPatient(CUSTODIAN, at(0));
    report = new ReadAccessReportUseCase(world.store, world.oversight, () => new Date('2026-04-02T00:00:00Z'));
  });

  it('says who saw or received what, when and why, in plain words, with its ledger proof', async () => {
    const read = world.access({ patientId, actor: 'dr-who', organisation: CLINIC, time: at(1), grantId: GRANT, categories: ['conditions', 'allergies'] });
    world.anchor(read);
    const tampered = world.access({ patientId, actor: 'dr-house', organisation: CUSTODIAN, time: at(2), basis: 'custodian' });
    world.anchor(tampered, true);
    world.access({
      patientId,
      actor: 'dr-er',
      organisation: 'er-d',
      time: at(3),
      breakGlassReason: 'unconscious on arrival, allergies unknown',
      purpose: 'ETREAT',
    });
    world.access({ patientId, actor: 'dr-nosy', organisation: 'lab-c', time: at(4), decision: 'deny', denyReason: 'no-grant' });
    world.share(patientId, CLINIC, at(5), GRANT);
    world.access({ patientId, actor: patientId, organisation: 'patients', time: at(6), basis: 'patient', purpose: 'PATRQT' });
    const claim = world.claim(patientId, 'insurer-c', at(7), 2);
    const r = await report.forPatient(patientId, staff(patientId, 'patients', ['patient']), { limit: 100 });
    expect(r.generatedAt).toBe('2026-04-02T00:00:00.000Z');
    expect(r.lines.map((l) => [l.kind, l.text])).toEqual([
      ['viewed', `dr-who at ${CLINIC} viewed 1 record (conditions and allergies) for your treatment, under your consent (grant ${GRANT}).`],
      ['viewed', `dr-house at ${CUSTODIAN} viewed 1 record (conditions) for your treatment, as your care provider.`],
      [
        'emergency',
        'dr-er at er-d viewed 1 record (conditions) for emergency treatment, in an emergency, without your consent: “unconscious on arrival, allergies unknown”.',
      ],
      ['refused', 'dr-nosy at lab-c asked to see your conditions for your treatment and was refused (no-grant).'],
      ['shared', `dr-house at ${CUSTODIAN} sent a record (conditions) to ${CLINIC} for your treatment, under your consent (grant ${GRANT}).`],
      ['viewed', 'You viewed 1 record (conditions) for your own request.'],
      [
        'shared',
        `desk at ${CUSTODIAN} sent a claim (claim ${(claim.data as { claimId: string }).claimId}) to insurer-c for payment, disclosing 2 records it bills for.`,
      ],
    ]);
    expect(r.lines[0]!.ledger).toEqual({ verified: true, proof: `/audit/events/${read.id}/proof`, blockNumber: '42', txId: 'tx-1' });
    expect(r.lines[1]!.ledger?.verified).toBe(false);
    expect(r.lines[2]!.ledger).toBeNull();
  });

  it("is the patient's, or their custodian's privacy officer's; nobody else's", async () => {
    await expect(report.forPatient(patientId, staff('po-1', CUSTODIAN, ['privacy-officer']), { limit: 10 })).resolves.toMatchObject({ patient: patientId });
    for (const caller of [
      staff('po-2', CLINIC, ['privacy-officer']),
      staff('aud-1', CUSTODIAN, ['auditor']),
      staff(world.registerPatient(), 'patients', ['patient']),
    ]) {
      await expect(report.forPatient(patientId, caller, { limit: 10 })).rejects.toBeInstanceOf(AuditAccessError);
    }
  });
});
