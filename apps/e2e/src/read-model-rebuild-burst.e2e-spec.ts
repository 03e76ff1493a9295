// An operator's burst of rebuild requests for one read model (26 in a few seconds
// once logged bursts of "could not position partition … Consumer group was not
// initialized"): they coalesce into one replay, every request is answered 202, the
// model holds what it held before, and the service logs no error.
import { eventually, startServiceProcess, type ServiceProcess } from './support/service-process';
import { token } from './support/tokens';
import { testPatient } from './support/patients';

describe('a burst of read-model rebuild requests', () => {
  let identity: ServiceProcess;
  let registrar: string;
  let admin: string;

  beforeAll(async () => {
    identity = await startServiceProcess('identity');
    registrar = await token({ sub: 'registrar-rebuild', roles: ['registrar'], org: 'hospital-a' });
    admin = await token({ sub: 'operator-1', roles: ['admin'], org: 'carechain-ops' });
  });

  afterAll(async () => {
    await identity?.stop();
  });

  const readable = (id: string) => fetch(`${identity.url}/patients/${id}`, { headers: { authorization: `Bearer ${registrar}` } }).then((r) => r.status === 200);

  it('coalesces into one replay that restores the model, with no errors logged', async () => {
    const ids: string[] = [];
    for (let n = 0; n < 5; n++) {
      const res = await fetch(`${identity.url}/patients`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${registrar}` },
        body: JSON.stringify(testPatient(9100 + n).body),
      });
      expect(res.status).toBe(201);
      ids.push(((await res.json()) as { id: string }).id);
    }
    await eventually('the patients in the directory', async () => ((await Promise.all(ids.map(readable))).every(Boolean) ? true : undefined));

    // Judged from here: a young test cluster makes the service's own start log transient errors.
    const logged = identity.logs().length;
    const rebuild = () =>
      fetch(`${identity.url}/admin/read-models/identity.patients/rebuild`, { method: 'POST', headers: { authorization: `Bearer ${admin}` } });
    const answers = await Promise.all(Array.from({ length: 26 }, rebuild));
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 26 }, () => 202));
    // A second wave once the first was answered (a replay may still be catching up) is served the same way.
    expect((await Promise.all(Array.from({ length: 5 }, rebuild))).map((a) => a.status)).toEqual([202, 202, 202, 202, 202]);

    await eventually(
      'the patients back in the rebuilt directory',
      async () => ((await Promise.all(ids.map(readable))).every(Boolean) ? true : undefined),
      60_000,
    );
    const models = (await (await fetch(`${identity.url}/admin/read-models`, { headers: { authorization: `Bearer ${admin}` } })).json()) as {
      name: string;
      running: boolean;
    }[];
    expect(models.find((m) => m.name === 'identity.patients')?.running).toBe(true);
    const lines = identity.logs().slice(logged).split('\n');
    expect(lines.filter((l) => l.includes('could not position partition'))).toEqual([]);
    expect(lines.filter((l) => l.includes('"level":"error"') || l.includes('"level":"fatal"'))).toEqual([]);
  });
});
