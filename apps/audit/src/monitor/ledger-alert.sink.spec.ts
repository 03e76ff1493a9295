import { LEDGER_ALERT_RAISED_V1, Topics, validateEvent, type CloudEvent } from '@carechain/contracts';
import { finding } from '@carechain/audit-domain';
import type { EventPublisher } from '@carechain/messaging';
import { LedgerAlertSink } from './ledger-monitor.runner';

describe('LedgerAlertSink', () => {
  it('publishes each finding as a valid ledger alert on audit.alert.v1, keyed by its topic partition, with the finding id', async () => {
    const sent: { topic: string; event: CloudEvent; key: string }[] = [];
    const publisher = {
      publishAll: async (topic: string, events: readonly CloudEvent[], keyOf: (e: CloudEvent) => string) => {
        for (const event of events) sent.push({ topic, event, key: keyOf(event) });
        return [];
      },
    } as unknown as EventPublisher;
    const gap = finding(
      {
        kind: 'ledger-gap',
        topic: 'identity.access.v1',
        partition: 2,
        firstOffset: '0',
        lastOffset: '0',
        batchIds: ['b'],
        eventIds: ['e0'],
        detail: 'no batch covers it',
      },
      new Date('2026-12-05T10:00:00.000Z'),
    );
    await new LedgerAlertSink(publisher).raise([gap]);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ topic: Topics.auditAlert, key: 'identity.access.v1:2' });
    const decoded = validateEvent(JSON.parse(JSON.stringify(sent[0]!.event)));
    expect(decoded.type).toBe(LEDGER_ALERT_RAISED_V1);
    expect(decoded.id).toBe(gap.id);
    expect(decoded.data).toMatchObject({ alertId: gap.id, rule: 'ledger-gap', eventIds: ['e0'] });
  });
});
