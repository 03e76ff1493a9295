// Reads the handlers Nest registered from @EventPattern methods and groups them by
// the consumer that will feed them. Nest chains every event handler of one pattern
// (and calling the head calls the whole chain); here each is taken on its own,
// because handlers of one topic may belong to different consumers.
import type { MessageHandler } from '@nestjs/microservices';
import { lastValueFrom, isObservable } from 'rxjs';
import type { HandledTypes } from '@carechain/messaging';
import { BINDING, type EventBinding } from './event-patterns';

/** One handler as the transport calls it: resolves with its answer, or rejects with the handler's own error. */
export type BoundHandler = (data: unknown) => Promise<unknown>;

export interface HandlerGroup<B extends EventBinding = EventBinding> {
  readonly binding: B;
  /** In the order the handlers were declared (replicas of one topic are applied in that order). */
  readonly handlers: readonly { readonly topic: string; readonly handle: BoundHandler }[];
  readonly topics: readonly string[];
}

export interface GroupedHandlers {
  readonly replicas: readonly HandlerGroup<Extract<EventBinding, { kind: 'replica' }>>[];
  readonly projections: readonly HandlerGroup<Extract<EventBinding, { kind: 'projection' }>>[];
  readonly processors: readonly HandlerGroup<Extract<EventBinding, { kind: 'processor' }>>[];
  /** Every replica handler of each topic, in declaration order: the order a record is applied in. */
  readonly replicasByTopic: ReadonlyMap<string, readonly BoundHandler[]>;
}

function bound(handler: MessageHandler): BoundHandler {
  return async (data) => {
    const answer = await handler(data);
    return isObservable(answer) ? lastValueFrom(answer, { defaultValue: undefined }) : answer;
  };
}

/** Groups every event handler by its binding (kind and name); throws on a handler without one, or a name bound twice. */
export function groupHandlers(handlers: ReadonlyMap<string, MessageHandler>): GroupedHandlers {
  const groups = new Map<string, { binding: EventBinding; handlers: { topic: string; handle: BoundHandler }[] }>();
  const replicasByTopic = new Map<string, BoundHandler[]>();
  for (const [topic, head] of handlers) {
    const chain: MessageHandler[] = [];
    for (let h: MessageHandler | undefined = head; h; h = h.next as MessageHandler | undefined) chain.push(h);
    for (const h of chain) {
      // Taken apart: the transport calls each handler by itself.
      h.next = undefined;
      const binding = h.extras?.[BINDING] as EventBinding | undefined;
      if (!h.isEventHandler || !binding) throw new Error(`handler of ${topic}: declare it with @EventPattern(topics, replica|projection|processor(...))`);
      const id = `${binding.kind}:${binding.name}`;
      const group = groups.get(id) ?? { binding, handlers: [] };
      if (group.binding !== binding && JSON.stringify(group.binding) !== JSON.stringify(binding)) {
        throw new Error(`${binding.kind} ${binding.name} is bound twice with different settings`);
      }
      const handle = bound(h);
      group.handlers.push({ topic, handle });
      groups.set(id, group);
      // Nest chains a pattern's handlers in declaration order.
      if (binding.kind === 'replica') replicasByTopic.set(topic, [...(replicasByTopic.get(topic) ?? []), handle]);
    }
  }
  const all = [...groups.values()].map((g) => ({ ...g, topics: [...new Set(g.handlers.map((h) => h.topic))] }));
  for (const g of all) {
    if (g.binding.kind !== 'replica' && g.handlers.length !== g.topics.length) {
      throw new Error(`${g.binding.kind} ${g.binding.name} has two handlers for one topic`);
    }
  }
  return {
    replicas: all.filter((g): g is HandlerGroup<Extract<EventBinding, { kind: 'replica' }>> & typeof g => g.binding.kind === 'replica'),
    projections: all.filter((g): g is HandlerGroup<Extract<EventBinding, { kind: 'projection' }>> & typeof g => g.binding.kind === 'projection'),
    processors: all.filter((g): g is HandlerGroup<Extract<EventBinding, { kind: 'processor' }>> & typeof g => g.binding.kind === 'processor'),
    replicasByTopic,
  };
}

/**
 * What one consumer feeding `groups` may pass over: per topic, the union of the types the
 * groups bound to it handle. A topic one of them declares no types for is left out (not
 * filtered): that handler sees every record.
 */
export function handledTypes(groups: readonly HandlerGroup[]): HandledTypes {
  const out = new Map<string, Set<string>>();
  const unfiltered = new Set<string>();
  for (const { binding, topics } of groups) {
    const handles = binding.kind === 'processor' ? undefined : binding.handles;
    for (const topic of topics) {
      if (handles === undefined) unfiltered.add(topic);
      else out.set(topic, new Set([...(out.get(topic) ?? []), ...handles]));
    }
  }
  for (const topic of unfiltered) out.delete(topic);
  return out;
}
