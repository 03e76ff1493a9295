// Right of access: patients read their own records and nobody else's, and see who read theirs, on the real Kafka, Redis and Fabric.
import { call } from '../support/api';
import { eventually } from '../support/service-process';
import { token } from '../support/tokens';
import { chargeItem, condition, scenario } from './pcd-world';

scenario('Right of access', (world) => {
  it("lets patients read their own records, and nobody else's, and shows them who read theirs", async () => {
    const w = world();
    const patientId = await w.registerNew();
    const conditionId = await w.write(patientId, condition(patientId));
    await w.write(patientId, chargeItem(patientId));
    const self = await token({ sub: patientId, roles: ['patient'], org: 'hospital-a' });
    const own = await call<{ type: string; total: number }>(w.records.url, 'GET', `/patients/${patientId}/records`, self);
    expect(own).toMatchObject({ status: 200, body: { type: 'searchset', total: 2 } });
    expect((await call(w.records.url, 'GET', `/records/${conditionId}`, self)).status).toBe(200);
    const stranger = await token({ sub: await w.registerNew(), roles: ['patient'], org: 'hospital-a' });
    expect(await call(w.records.url, 'GET', `/records/${conditionId}`, stranger)).toMatchObject({ status: 403, body: { reason: 'not-own-records' } });

    const trail = await eventually(
      'the reads in the patient’s own audit trail',
      async () => {
        const r = await call<{ events: { type: string; actor?: string; details?: { decision?: string; basis?: string; denyReason?: string } }[] }>(
          w.audit.url,
          'GET',
          `/audit/events?patient=${patientId}`,
          self,
        );
        const reads = r.body.events.filter((e) => e.type === 'carechain.records.access.decided.v1');
        return reads.length >= 3 ? reads : undefined;
      },
      20_000,
      200,
    );
    expect(trail.map((e) => e.details?.basis ?? e.details?.denyReason).sort()).toEqual(['not-own-records', 'patient', 'patient']);
  });
});
