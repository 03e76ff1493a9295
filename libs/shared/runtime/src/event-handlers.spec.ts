// The handlers Nest registers from @EventPattern methods, grouped as the transport
// starts them: a real Nest microservice context, with a transport that only records.
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Server, type CustomTransportStrategy } from '@nestjs/microservices';
import { GRANT_GRANTED_V1, PATIENT_ERASED_V1, PATIENT_REGISTERED_V1, RECORD_WRITTEN_V1 } from '@carechain/contracts';
import { TransientError } from '@carechain/messaging';
import { EventErrorsToConsumer } from './event-errors.filter';
import { groupHandlers, handledTypes, type GroupedHandlers, type HandlerGroup } from './event-handlers';
import { processor, projection, replica } from './event-patterns';

class RecordingTransport extends Server implements CustomTransportStrategy {
  grouped: GroupedHandlers | undefined;
  listen(callback: () => void): void {
    this.grouped = groupHandlers(this.getHandlers());
    callback();
  }
  close(): void {}
  on(): never {
    throw new Error('unused');
  }
  unwrap<T>(): T {
    throw new Error('unused');
  }
}

const calls: string[] = [];

@Controller()
class SampleEvents {
  @EventPattern(['keys.v1'], replica('sample.keys'))
  keys(record: { offset: string }): void {
    calls.push(`keys:${record.offset}`);
  }

  @EventPattern(['patients.v1', 'grants.v1'], replica('sample.grants', [GRANT_GRANTED_V1, PATIENT_ERASED_V1]))
  grants(record: { offset: string }): void {
    calls.push(`grants:${record.offset}`);
  }

  @EventPattern(['patients.v1'], replica('sample.registry'))
  registry(record: { offset: string }): void {
    calls.push(`registry:${record.offset}`);
  }

  @EventPattern(
    ['records.v1', 'patients.v1'],
    projection({ name: 'sample.records', consumerGroup: 'sample.records.group', eventTypes: [RECORD_WRITTEN_V1, PATIENT_ERASED_V1] }),
  )
  records(record: { offset: string }): string[][] {
    return [['SET', `rm:sample.records:${record.offset}`, 'x']];
  }

  @EventPattern(['access.v1'], processor('alerts', 'sample.alerts', { maxWaitMs: 250 }))
  alerts(): Promise<void> {
    return Promise.reject(new TransientError('redis away'));
  }
}

@Module({ controllers: [SampleEvents] })
class SampleModule {}

async function grouped(): Promise<GroupedHandlers> {
  const strategy = new RecordingTransport();
  const app = await NestFactory.createMicroservice(SampleModule, { strategy, logger: false });
  app.useGlobalFilters(new EventErrorsToConsumer());
  await app.listen();
  await app.close();
  return strategy.grouped!;
}

describe('groupHandlers', () => {
  beforeEach(() => calls.splice(0));

  it('groups the handlers by kind and name, with the topics of their patterns', async () => {
    const { replicas, projections, processors } = await grouped();
    expect(replicas.map((g) => [g.binding.name, g.topics])).toEqual([
      ['sample.keys', ['keys.v1']],
      ['sample.grants', ['patients.v1', 'grants.v1']],
      ['sample.registry', ['patients.v1']],
    ]);
    expect(projections.map((g) => [g.binding, [...g.topics].sort()])).toEqual([
      [
        { kind: 'projection', name: 'sample.records', consumerGroup: 'sample.records.group', handles: [RECORD_WRITTEN_V1, PATIENT_ERASED_V1] },
        ['patients.v1', 'records.v1'],
      ],
    ]);
    expect(processors.map((g) => [g.binding, g.topics])).toEqual([
      [{ kind: 'processor', name: 'alerts', groupId: 'sample.alerts', consumer: { maxWaitMs: 250 } }, ['access.v1']],
    ]);
  });

  it('applies a record to the replicas of its topic in declaration order', async () => {
    const { replicasByTopic } = await grouped();
    for (const handle of replicasByTopic.get('patients.v1')!) await handle({ offset: '1' });
    for (const handle of replicasByTopic.get('keys.v1')!) await handle({ offset: '2' });
    expect(calls).toEqual(['grants:1', 'registry:1', 'keys:2']);
  });

  it('calls one handler alone, though Nest chains every handler of a topic', async () => {
    const { replicas } = await grouped();
    const grants = replicas.find((g) => g.binding.name === 'sample.grants')!;
    for (const h of grants.handlers) await h.handle({ offset: h.topic });
    expect(calls).toEqual(['grants:patients.v1', 'grants:grants.v1']);
  });

  it("answers with the handler's result (a projection's commands)", async () => {
    const { projections } = await grouped();
    await expect(projections[0]!.handlers[0]!.handle({ offset: '7' })).resolves.toEqual([['SET', 'rm:sample.records:7', 'x']]);
  });

  it("rejects with the handler's own error, so the consumer can tell retry from dead letter", async () => {
    const { processors } = await grouped();
    await expect(processors[0]!.handlers[0]!.handle({})).rejects.toBeInstanceOf(TransientError);
  });

  it('lets one consumer pass over, per topic, the types none of the handlers it feeds handles', async () => {
    const { replicas, projections } = await grouped();
    const sets = (m: ReadonlyMap<string, ReadonlySet<string>>) => Object.fromEntries([...m].map(([topic, types]) => [topic, [...types].sort()]));
    // keys.v1 and patients.v1 have a replica that declares nothing (keys, registry): every record is parsed there.
    expect(sets(handledTypes(replicas))).toEqual({ 'grants.v1': [GRANT_GRANTED_V1, PATIENT_ERASED_V1].sort() });
    const grantsAlone = replicas.filter((g) => g.binding.name === 'sample.grants');
    expect(sets(handledTypes(grantsAlone))).toEqual({
      'patients.v1': [GRANT_GRANTED_V1, PATIENT_ERASED_V1].sort(),
      'grants.v1': [GRANT_GRANTED_V1, PATIENT_ERASED_V1].sort(),
    });
    expect(sets(handledTypes(projections))).toEqual({
      'records.v1': [PATIENT_ERASED_V1, RECORD_WRITTEN_V1].sort(),
      'patients.v1': [PATIENT_ERASED_V1, RECORD_WRITTEN_V1].sort(),
    });
    const registering: HandlerGroup = { binding: { kind: 'replica', name: 'r', handles: [PATIENT_REGISTERED_V1] }, handlers: [], topics: ['patients.v1'] };
    expect(sets(handledTypes([...grantsAlone, registering]))['patients.v1']).toEqual([GRANT_GRANTED_V1, PATIENT_ERASED_V1, PATIENT_REGISTERED_V1].sort());
  });

  it('never filters what a processor reads', async () => {
    const { processors } = await grouped();
    expect(handledTypes(processors).size).toBe(0);
  });

  it('refuses an event handler without a binding', () => {
    const bare = Object.assign(async () => undefined, { isEventHandler: true, extras: {} });
    expect(() => groupHandlers(new Map([['t.v1', bare]]))).toThrow(/declare it with @EventPattern/);
  });
});
