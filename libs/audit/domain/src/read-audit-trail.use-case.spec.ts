import { AuditAccessError } from './audit-access.error';
import { ReadAuditTrailUseCase } from './read-audit-trail.use-case';
import { AuditWorld, CLINIC, CUSTODIAN } from './testing/audit-world';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));
const staff = (subject: string, organisation: string, roles: string[]) => ({ subject, organisation, roles });

async function refusal(promise: Promise<unknown>): Promise<AuditAccessError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof AuditAccessError)) throw new Error(`expected an AuditAccessError, got ${String(err)}`);
  return err;
}

describe('ReadAuditTrailUseCase', () => {
  let world: AuditWorld;
  let useCase: ReadAuditTrailUseCase;
  let patientId: string;

  beforeEach(() => {
    world = new AuditWorld();
    useCase = new ReadAuditTrailUseCase(world.store, world.oversight);
    patientId = world.registerPatient(CUSTODIAN, at(0));
  });

  it("gives the custodian's oversight the whole trail and another organisation's oversight only its own organisation's events, in full pages", async () => {
    const clinicReads = [1, 2, 3].map((m) => world.access({ patientId, actor: 'dr-who', organisation: CLINIC, time: at(m) }).id);
    world.access({ patientId, actor: 'dr-house', organisation: CUSTODIAN, time: at(4), basis: 'custodian' });
    const whole = await useCase.forPatient(patientId, staff('po-1', CUSTODIAN, ['privacy-officer']), { limit: 100 });
    expect(whole.entries).toHaveLength(5);
    const own = await useCase.forPatient(patientId, staff('po-2', CLINIC, ['privacy-officer']), { limit: 2 });
    expect(own.entries.map((e) => e.eventId)).toEqual(clinicReads.slice(0, 2));
    const rest = await useCase.forPatient(patientId, staff('po-2', CLINIC, ['privacy-officer']), { limit: 2, cursor: own.next! });
    expect(rest.entries.map((e) => e.eventId)).toEqual([clinicReads[2]]);
    expect(rest.next).toBeNull();
  });

  it('lets a privacy officer investigate a user of their own organisation, across patients, within a time range', async () => {
    const other = world.registerPatient(CUSTODIAN, at(0));
    const reads = [
      world.access({ patientId, actor: 'dr-who', organisation: CLINIC, time: at(1) }).id,
      world.access({ patientId: other, actor: 'dr-who', organisation: CLINIC, time: at(2) }).id,
    ];
    world.access({ patientId, actor: 'dr-who', organisation: CLINIC, time: at(30) });
    const page = await useCase.forActor('dr-who', staff('po-2', CLINIC, ['privacy-officer']), { to: at(10).getTime(), limit: 10 });
    expect(page.entries.map((e) => e.eventId)).toEqual(reads);
    // The custodian's officer investigating "dr-who" sees its own organisation's dr-who: nobody.
    expect((await useCase.forActor('dr-who', staff('po-1', CUSTODIAN, ['privacy-officer']), { limit: 10 })).entries).toEqual([]);
  });

  it('refuses an investigation to anyone but a privacy officer, and the patient', async () => {
    for (const caller of [
      staff('aud-1', CLINIC, ['auditor']),
      staff('dr-who', CLINIC, ['clinician']),
      staff(patientId, CUSTODIAN, ['patient', 'privacy-officer']),
    ]) {
      expect((await refusal(useCase.forActor('dr-who', caller, { limit: 10 }))).code).toBe('forbidden');
    }
  });

  it("refuses another patient's trail", async () => {
    const other = world.registerPatient(CUSTODIAN, at(0));
    expect((await refusal(useCase.forPatient(patientId, staff(other, CUSTODIAN, ['patient']), { limit: 10 }))).code).toBe('forbidden');
  });
});
