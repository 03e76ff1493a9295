// The processor behind the alerts: reads records.access.v1, evaluates the rules on
// each decision and publishes what they raise on audit.alert.v1 (keyed by the acting
// organisation), counting each alert by rule. Offsets are the consumer group's: an
// access redelivered after a crash raises alerts with the same ids.
import { ACCESS_ALERT_RAISED_V1, ACCESS_DECIDED_V1, createEvent, Topics, type CloudEvent } from '@carechain/contracts';
import type { BatchHandler, EventPublisher, RecordBatch } from '@carechain/messaging';
import { counter, METRICS } from '@carechain/telemetry';
import type { AccessAlertRules } from './access-alert.rules';

const alertsRaised = counter(METRICS.auditAlerts);

export class AccessAlertHandler implements BatchHandler {
  constructor(
    private readonly rules: AccessAlertRules,
    private readonly publisher: EventPublisher,
  ) {}

  async handle(batch: RecordBatch): Promise<void> {
    const raised: CloudEvent[] = [];
    for (const { event } of batch.records) {
      if (event.type !== ACCESS_DECIDED_V1) continue;
      for (const alert of await this.rules.evaluate({ eventId: event.id, time: event.time, data: event.data })) {
        raised.push(
          createEvent({
            id: alert.alertId,
            type: ACCESS_ALERT_RAISED_V1,
            source: '/carechain/audit',
            actor: 'carechain-audit',
            actororg: alert.actor.organisation,
            time: new Date(alert.window.to),
            data: alert,
          }),
        );
        alertsRaised.add(1, { 'carechain.alert.rule': alert.rule });
      }
    }
    if (raised.length > 0) await this.publisher.publishAll(Topics.auditAlert, raised, (e) => e.actororg ?? 'unknown');
  }
}
