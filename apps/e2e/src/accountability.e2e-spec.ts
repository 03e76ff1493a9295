// Accountability end to end, on the real Kafka, Redis and Fabric: the audit trail paged
// by time and cursor, a privacy officer's investigation of one user, the accounting of
// disclosures, the FHIR AuditEvent export, access alerts on audit.alert.v1 and the
// patient's own printable report with ledger-verified lines, rendered in a real browser.
import { ACCESS_ALERT_RAISED_V1, Topics } from '@carechain/contracts';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { call } from './support/api';
import { chromiumPath, renderInChromium } from './support/headless-chromium';
import { claim as claimOf, coverage, encounter } from './support/claim-resources';
import { readTopic } from './support/kafka-topics';
import { testPatient } from './support/patients';
import { eventually, startServiceProcess, type ServiceProcess } from './support/service-process';
import { token } from './support/tokens';

const condition = (patientId: string) => ({
  resourceType: 'Condition',
  subject: { reference: `Patient/${patientId}` },
  code: { coding: [{ system: 'http://snomed.info/sct', code: '44054006', display: 'Diabetes mellitus type 2' }] },
});

interface Page<T> {
  readonly next: string | null;
  readonly events?: T[];
  readonly disclosures?: T[];
}
interface Entry {
  readonly eventId: string;
  readonly type: string;
  readonly actor: string | null;
}

describe('accountability', () => {
  let services: ServiceProcess[];
  let identity: ServiceProcess;
  let consent: ServiceProcess;
  let records: ServiceProcess;
  let audit: ServiceProcess;
  let claims: ServiceProcess;
  const t: Record<string, string> = {};
  let patientId: string;
  let recordId: string;
  let grantRead: string;
  let glassRead: string;

  beforeAll(async () => {
    services = await Promise.all([
      startServiceProcess('identity'),
      startServiceProcess('consent'),
      startServiceProcess('records'),
      // Two denials make an alert, so the spec need not hammer records.
      startServiceProcess('audit', { AUDIT_ALERT_DENIALS: '2' }),
      startServiceProcess('ledger-writer'),
      startServiceProcess('claims'),
    ]);
    [identity, consent, records, audit, , claims] = services as [
      ServiceProcess,
      ServiceProcess,
      ServiceProcess,
      ServiceProcess,
      ServiceProcess,
      ServiceProcess,
    ];
    t.desk = await token({ sub: 'clerk-a', roles: ['registrar'], org: 'hospital-a' });
    t.doctorA = await token({ sub: 'dr-a', roles: ['clinician'], org: 'hospital-a' });
    t.doctorB = await token({ sub: 'dr-b', roles: ['clinician'], org: 'clinic-b' });
    t.doctorE = await token({ sub: 'dr-e', roles: ['clinician'], org: 'er-e' });
    t.nosy = await token({ sub: 'dr-nosy', roles: ['clinician'], org: 'lab-c' });
    t.officerA = await token({ sub: 'dpo-a', roles: ['privacy-officer'], org: 'hospital-a' });
    t.officerB = await token({ sub: 'dpo-b', roles: ['privacy-officer'], org: 'clinic-b' });
    t.payer = await token({ sub: 'adjuster-1', roles: ['payer'], org: 'payer-c' });

    const registered = await call<{ id: string }>(identity.url, 'POST', '/patients', t.desk, testPatient().body);
    expect(registered.status).toBe(201);
    patientId = registered.body.id;
    t.patient = await token({ sub: patientId, roles: ['patient'], org: 'patients' });
    const written = await eventually('records to know the patient', async () => {
      const r = await call<{ recordId: string }>(records.url, 'POST', `/patients/${patientId}/records`, t.doctorA!, condition(patientId));
      return r.status === 201 ? r : undefined;
    });
    recordId = written.body.recordId;
    const grant = await eventually('consent to know the patient', async () => {
      const r = await call(consent.url, 'POST', '/consents', t.desk!, {
        patientId,
        grantee: { organisation: 'clinic-b' },
        categories: ['conditions'],
        purposes: ['TREAT'],
      });
      return r.status === 201 ? r : undefined;
    });
    expect(grant.status).toBe(201);
    const read = (bearer: string, purpose = 'TREAT', headers: Record<string, string> = {}) =>
      call(records.url, 'GET', `/records/${recordId}?purpose=${purpose}`, bearer, undefined, headers);
    const granted = await eventually('the grant to reach records', async () => {
      const r = await read(t.doctorB!);
      return r.status === 200 ? r : undefined;
    });
    grantRead = granted.headers.get('x-access-event-ids')!.split(',')[0]!;
    expect((await read(t.doctorA!)).status).toBe(200);
    const glass = await read(t.doctorE!, 'ETREAT', { 'x-break-glass-reason': 'unconscious on arrival, no relatives reachable' });
    expect(glass.status).toBe(200);
    glassRead = glass.headers.get('x-access-event-ids')!.split(',')[0]!;
    expect((await read(t.nosy!)).status).toBe(403);
    expect((await read(t.nosy!)).status).toBe(403);
  });

  afterAll(async () => {
    await Promise.all((services ?? []).map((s) => s.stop()));
  });

  async function allPages<T>(path: string, bearer: string, key: 'events' | 'disclosures'): Promise<T[]> {
    const out: T[] = [];
    let cursor: string | null = null;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const res: { status: number; body: Page<T> } = await call<Page<T>>(audit.url, 'GET', `${path}${sep}limit=2${cursor ? `&cursor=${cursor}` : ''}`, bearer);
      expect(res.status).toBe(200);
      out.push(...(res.body[key] ?? []));
      cursor = res.body.next;
    } while (cursor !== null);
    return out;
  }

  it('pages the trail two at a time, each event once, and narrows it by time', async () => {
    const whole = await eventually(
      'every read in the trail',
      async () => {
        const events = await allPages<Entry>(`/audit/events?patient=${patientId}`, t.officerA!, 'events');
        return events.filter((e) => e.type === 'carechain.records.access.decided.v1').length >= 5 ? events : undefined;
      },
      30_000,
      250,
    );
    expect(new Set(whole.map((e) => e.eventId)).size).toBe(whole.length);
    const future = await call<Page<Entry>>(
      audit.url,
      'GET',
      `/audit/events?patient=${patientId}&from=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`,
      t.officerA!,
    );
    expect(future.body).toEqual(expect.objectContaining({ events: [], next: null }));
  });

  it("lets a privacy officer investigate their own organisation's user, and no other organisation's", async () => {
    const mine = await allPages<Entry>('/audit/actors/dr-b/events', t.officerB!, 'events');
    expect(mine.map((e) => e.eventId)).toContain(grantRead);
    expect(mine.every((e) => e.actor === 'dr-b')).toBe(true);
    expect(await allPages<Entry>('/audit/actors/dr-b/events', t.officerA!, 'events')).toEqual([]);
  });

  it('accounts for disclosures outside the custodian: the granted read and the emergency one, not the custodian’s own', async () => {
    const disclosures = await allPages<{ eventId: string; recipient: { organisation: string }; basis: { kind: string } }>(
      `/patients/${patientId}/disclosures`,
      t.patient!,
      'disclosures',
    );
    expect(disclosures.map((d) => [d.eventId, d.recipient.organisation, d.basis.kind])).toEqual([
      [grantRead, 'clinic-b', 'grant'],
      [glassRead, 'er-e', 'break-glass'],
    ]);
  });

  it('exports BALP AuditEvents as a FHIR searchset with next links', async () => {
    const res = await call<{
      resourceType: string;
      type: string;
      link: { relation: string; url: string }[];
      entry: {
        resource: {
          id: string;
          meta: { profile: string[] };
          purposeOfEvent?: unknown[];
          outcome?: string;
          agent?: { who: { identifier?: { value: string } } }[];
        };
      }[];
    }>(audit.url, 'GET', `/AuditEvent?patient=${patientId}&date=ge2020-01-01&_count=3`, t.officerA!);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ resourceType: 'Bundle', type: 'searchset' });
    expect(res.body.link.map((l) => l.relation)).toContain('next');
    const events = [...res.body.entry];
    let next = res.body.link.find((l) => l.relation === 'next')?.url;
    while (next) {
      const page = await call<typeof res.body>(audit.url, 'GET', new URL(next).pathname + new URL(next).search, t.officerA!);
      events.push(...(page.body.entry ?? []));
      next = page.body.link.find((l) => l.relation === 'next')?.url;
    }
    const profileOf = (id: string) => events.find((e) => e.resource.id === id)?.resource.meta.profile[0];
    expect(profileOf(grantRead)).toMatch(/IHE\.BasicAudit\.PatientRead$/);
    expect(events.find((e) => e.resource.id === glassRead)?.resource.purposeOfEvent).toEqual([
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'ETREAT' }] },
    ]);
    // dr-nosy's two refusals, as consent decisions that failed.
    const refusals = events.filter((e) => /AuthZconsent$/.test(e.resource.meta.profile[0]!) && e.resource.agent?.[0]?.who.identifier?.value === 'dr-nosy');
    expect(refusals.map((e) => e.resource.outcome)).toEqual(['8', '8']);
  });

  it('raises a break-glass alert and a repeated-denials alert on audit.alert.v1', async () => {
    const alerts = await eventually(
      'both alerts on the topic',
      async () => {
        const raised = (await readTopic(Topics.auditAlert)).map(
          (r) => JSON.parse(r.value!.toString('utf8')) as { type: string; data: { rule: string; accessEventId: string; actor: { subject: string } } },
        );
        const mine = raised.filter((e) => e.type === ACCESS_ALERT_RAISED_V1 && (e.data.accessEventId === glassRead || e.data.actor.subject === 'dr-nosy'));
        return mine.length >= 2 ? mine : undefined;
      },
      30_000,
      500,
    );
    expect(alerts.map((a) => a.data.rule).sort()).toEqual(['break-glass', 'repeated-denials']);
  });

  it("serves the patient's printable report, its lines verified on the ledger", async () => {
    const html = await eventually(
      'the granted read verified on the ledger',
      async () => {
        const res = await fetch(`${audit.url}/patients/${patientId}/access-report`, { headers: { authorization: `Bearer ${t.patient}`, accept: 'text/html' } });
        const body = await res.text();
        return res.status === 200 &&
          body.includes(`data-event-id="${grantRead}"`) &&
          new RegExp(`data-event-id="${grantRead}"[^]*?verified on the ledger`).test(body)
          ? { res, body }
          : undefined;
      },
      60_000,
      1_000,
    );
    expect(html.res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.body).toContain('dr-b at clinic-b viewed 1 record (conditions) for your treatment, under your consent');
    expect(html.body).toContain('in an emergency, without your consent: “unconscious on arrival, no relatives reachable”');
    expect(html.body).not.toMatch(/<script|https?:\/\//i);
    const proof = html.body.match(new RegExp(`data-event-id="${grantRead}"[^]*?href="([^"]+/proof)"`))![1]!;
    const receipt = await call<{ verified: { inclusion: boolean } }>(audit.url, 'GET', proof, t.patient!);
    expect(receipt.body.verified.inclusion).toBe(true);
  });

  // The same report as a patient sees it: rendered by a real browser (Debian's chromium,
  // headless), asserted on the DOM the browser built, its screenshot kept with the results.
  const browser = chromiumPath();
  if (!browser.path) console.warn(`the access report is not rendered in a browser: ${browser.missing}`);
  (browser.path ? it : it.skip)(
    "renders the patient's report in headless chromium: its lines, ledger marks and proof links, no script, nothing fetched",
    async () => {
      const res = await fetch(`${audit.url}/patients/${patientId}/access-report?format=html`, { headers: { authorization: `Bearer ${t.patient}` } });
      expect(res.status).toBe(200);
      const headers = { 'content-type': res.headers.get('content-type')!, 'content-security-policy': res.headers.get('content-security-policy')! };
      expect(headers['content-security-policy']).toContain("default-src 'none'");
      const page = await renderInChromium(
        browser.path!,
        await res.text(),
        headers,
        join(__dirname, '..', '..', '..', 'tmp', 'test-results', 'browser'),
        'access-report',
      );
      const dom = page.dom;
      expect(dom).toContain('<h1>Who accessed your health data</h1>');
      const row = (eventId: string) => dom.match(new RegExp(`<tr[^>]*data-event-id="${eventId}"[^>]*>([^]*?)</tr>`))?.[1];
      const granted = row(grantRead);
      expect(granted).toContain('dr-b at clinic-b viewed 1 record (conditions) for your treatment, under your consent');
      expect(granted).toMatch(/<a href="[^"]+\/proof"[^>]*>✓ verified on the ledger<\/a>/);
      expect(dom).toContain('in an emergency, without your consent: “unconscious on arrival, no relatives reachable”');
      // Every proof link the browser sees is the audit service's proof of that very line.
      const rows = [...dom.matchAll(/<tr[^>]*data-event-id="([^"]+)"[^>]*>([^]*?)<\/tr>/g)];
      expect(rows.length).toBeGreaterThanOrEqual(2);
      const links = rows.flatMap(([, id, cells]) => [...cells!.matchAll(/<a href="([^"]+)"/g)].map(([, href]) => ({ id, href })));
      expect(links.length).toBeGreaterThan(0);
      for (const { id, href } of links) expect(href).toBe(`/audit/events/${id}/proof`);
      expect(dom).not.toMatch(/<script|<img|<iframe|<object|<link[^>]*stylesheet|\ssrc=|url\(/i);
      expect(page.sameOrigin).toEqual(['/access-report.html', '/access-report.html']);
      expect(page.elsewhere).toEqual([]);
      expect(statSync(page.screenshot).size).toBeGreaterThan(1000);
      expect(readFileSync(page.screenshot).subarray(1, 4).toString('latin1')).toBe('PNG');
    },
  );

  it('accounts for a claim sent to a payer: recipient the insurer, for payment, what it bills for, in the BALP export too', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const visit = await call<{ recordId: string }>(records.url, 'POST', `/patients/${patientId}/records`, t.doctorA!, encounter(patientId, '99213', today));
    expect(visit.status).toBe(201);
    const covered = await eventually('claims to know the patient', async () => {
      const r = await call<{ coverageId: string }>(claims.url, 'POST', '/coverages', t.payer!, coverage(patientId));
      return r.status === 404 ? undefined : r;
    });
    expect(covered.status).toBe(201);
    const submitted = await call<{ claimId: string }>(
      claims.url,
      'POST',
      '/claims',
      t.desk!,
      claimOf(patientId, covered.body.coverageId, visit.body.recordId, '99213', 80, today),
    );
    expect(submitted.status).toBe(201);
    const claimId = submitted.body.claimId;
    interface ClaimDisclosure {
      kind: string;
      recipient: { organisation: string };
      purpose: string;
      basis: { kind: string; claimId?: string };
      categories: string[];
      resourceTypes?: string[];
      records: number;
      proof: string;
    }
    const line = await eventually(
      'the claim in the accounting',
      async () => (await allPages<ClaimDisclosure>(`/patients/${patientId}/disclosures`, t.patient!, 'disclosures')).find((d) => d.basis.claimId === claimId),
      30_000,
      250,
    );
    expect(line).toMatchObject({
      kind: 'claim',
      recipient: { organisation: 'payer-c' },
      purpose: 'HPAYMT',
      basis: { kind: 'claim', claimId },
      categories: ['encounters'],
      resourceTypes: ['Encounter'],
      records: 1,
    });
    const balp = await call<{ entry: { resource: { meta: { profile: string[] }; entity: { what: { reference?: string } }[] } }[] }>(
      audit.url,
      'GET',
      `/AuditEvent?patient=${patientId}&_count=100`,
      t.officerA!,
    );
    expect(balp.status).toBe(200);
    const disclosure = balp.body.entry.map((e) => e.resource).find((r) => r.entity.some((x) => x.what.reference === `Claim/${claimId}`));
    expect(disclosure?.meta.profile[0]).toMatch(/PrivacyDisclosure/);
  });
});
