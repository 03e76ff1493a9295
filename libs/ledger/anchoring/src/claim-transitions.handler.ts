// Puts this organisation's claim transitions on the chain. Each ledger-writer instance
// acts for one organisation (its Fabric identity): the ProviderOrg one submits and
// cancels claims, the PayerOrg one adjudicates and pays them, and each skips what the
// other makes. A consumed batch of claim events becomes one ApplyTransitions
// transaction (several, past the contract's bound), not one per transition; once it is
// committed, every transition's verdict is published on ledger.claim.v1 for the claims
// service, and only then does the consumer commit its offsets. A retry after a crash
// resubmits the same transitions, which the contract recognises and answers again.
//
// The transactions of one consumed batch are pipelined: up to `maxInFlight` of them
// are endorsed, ordered and awaiting their commit at once (a commit takes a block's
// time, which a serial writer spends idle). A transaction that touches a claim or a
// billed service of one still in flight waits for that one's commit first, so the
// chain sees every claim's transitions in the order they were made (it would refuse
// an adjudication endorsed before its submission committed, and an MVCC conflict
// would void the later transaction). Verdicts are published in the batch's order, and
// the handler returns (the consumer commits its offsets) only once all committed.
import {
  CLAIM_ADJUDICATED_V1,
  CLAIM_CANCELLED_V1,
  CLAIM_COMMITTED_V1,
  CLAIM_PAID_V1,
  CLAIM_VERDICT_V1,
  createEvent,
  Topics,
  type AnyEvent,
  type ClaimCommittedV1,
} from '@carechain/contracts';
import {
  type AppliedTransitions,
  type ClaimChain,
  type ClaimTransition,
  type ClaimTransitionKind,
  type DocumentationProof,
  MAX_REASON_CODES,
  MAX_TRANSITIONS_PER_BATCH,
  refusalIn,
  CLAIM_INVALID_ARGUMENT,
  TRANSITION_MSP,
} from '@carechain/ledger-chaincode-api';
import { TransientError, type BatchHandler, type EventPublisher, type RecordBatch } from '@carechain/messaging';
import type { Logger } from '@carechain/telemetry';
import type { DocumentationIndex } from './documentation-index';
import { LEDGER_SOURCE } from './receipts';

export interface ClaimTransitionsOptions {
  /**
   * How long a submission waits for its documenting record events to be indexed: the
   * anchoring processor of the same instance writes the index just after their batch
   * commits. Documentation anchored after the claim is refused by the contract anyway.
   */
  readonly documentationWaitMs: number;
  /** ApplyTransitions transactions of one batch awaiting their commit at once (1: one after another). */
  readonly maxInFlight?: number;
}

interface Pending {
  readonly patientId: string;
  readonly transition: ClaimTransition;
}

const POLL_MS = 100;

export class ClaimTransitionsHandler implements BatchHandler {
  constructor(
    private readonly chain: ClaimChain,
    private readonly documentation: DocumentationIndex,
    private readonly publisher: EventPublisher,
    private readonly logger: Logger,
    private readonly options: ClaimTransitionsOptions,
  ) {}

  async handle(batch: RecordBatch): Promise<void> {
    const pending: Pending[] = [];
    const deadline = Date.now() + this.options.documentationWaitMs;
    // The batch's documentation in one read; a submission polls for what is missing only.
    const documenting = batch.records.flatMap(({ event }) =>
      event.type === CLAIM_COMMITTED_V1 ? event.data.items.flatMap((i) => (i.documentingEventId === null ? [] : [i.documentingEventId])) : [],
    );
    const known =
      this.mine('submit') && documenting.length > 0 ? await this.documentation.getAll([...new Set(documenting)]) : new Map<string, DocumentationProof>();
    for (const { event } of batch.records) {
      const transition = await this.transitionOf(event, deadline, known);
      if (transition !== undefined) pending.push({ patientId: event.subject ?? transition.claimId, transition });
    }
    const chunks: Pending[][] = [];
    for (let i = 0; i < pending.length; i += MAX_TRANSITIONS_PER_BATCH) chunks.push(pending.slice(i, i + MAX_TRANSITIONS_PER_BATCH));
    await this.pipeline(chunks);
  }

  /** Submits the chunks in order, several in flight, and publishes their verdicts in order; throws the first chunk's failure. */
  private async pipeline(chunks: readonly Pending[][]): Promise<void> {
    const maxInFlight = Math.max(1, this.options.maxInFlight ?? 1);
    const inFlight: { keys: ReadonlySet<string>; done: Promise<unknown> }[] = [];
    const published: Promise<void>[] = [];
    let previous: Promise<void> = Promise.resolve();
    let failed = false;
    for (const chunk of chunks) {
      const keys = keysOf(chunk);
      // A claim or service an uncommitted transaction touches: wait for it (and those before it, whose verdicts go first anyway).
      const last = inFlight.findLastIndex((f) => [...keys].some((k) => f.keys.has(k)));
      const mustSettle = Math.max(last + 1, inFlight.length - maxInFlight + 1);
      if (mustSettle > 0) await Promise.allSettled(inFlight.splice(0, mustSettle).map((f) => f.done));
      if (failed) break; // an earlier chunk failed: the retry resubmits from it, nothing after it need go now
      const applied = this.submit(chunk);
      const done = applied.catch(() => (failed = true));
      inFlight.push({ keys, done });
      const after = previous;
      previous = (async () => {
        const result = await applied;
        await after; // verdicts in the batch's order
        await this.publish(chunk, result);
      })();
      published.push(previous);
    }
    const outcomes = await Promise.allSettled(published);
    const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failure) throw failure.reason;
  }

  private mine(kind: ClaimTransitionKind): boolean {
    return TRANSITION_MSP[kind] === this.chain.mspId;
  }

  private async transitionOf(event: AnyEvent, deadline: number, known: ReadonlyMap<string, DocumentationProof>): Promise<ClaimTransition | undefined> {
    const base = { transitionId: event.id, at: new Date(event.time).toISOString() };
    switch (event.type) {
      case CLAIM_COMMITTED_V1:
        return this.mine('submit') ? this.submission(event.data, base.transitionId, deadline, known) : undefined;
      case CLAIM_CANCELLED_V1:
        return this.mine('cancel') ? { kind: 'cancel', ...base, claimId: event.data.claimId } : undefined;
      case CLAIM_ADJUDICATED_V1: {
        // A denial because the chain refused the claim is the chain's own decision: nothing to submit.
        if (!this.mine('adjudicate') || event.data.decidedBy.kind === 'chain') return undefined;
        const codes = [...new Set(event.data.items.flatMap((item) => item.reasons.map((r) => `${r.system}:${r.code}`)))].sort();
        return { kind: 'adjudicate', ...base, claimId: event.data.claimId, outcome: event.data.outcome, reasonCodes: codes.slice(0, MAX_REASON_CODES) };
      }
      case CLAIM_PAID_V1:
        return this.mine('pay') ? { kind: 'pay', ...base, claimId: event.data.claimId } : undefined;
      default:
        return undefined;
    }
  }

  private async submission(
    c: ClaimCommittedV1,
    transitionId: string,
    deadline: number,
    known: ReadonlyMap<string, DocumentationProof>,
  ): Promise<ClaimTransition> {
    const eventIds = [...new Set(c.items.flatMap((i) => (i.documentingEventId === null ? [] : [i.documentingEventId])))];
    let proofs: ReadonlyMap<string, DocumentationProof> = eventIds.every((id) => known.has(id))
      ? new Map(eventIds.map((id) => [id, known.get(id)!]))
      : await this.documentation.getAll(eventIds);
    while (proofs.size < eventIds.length && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      proofs = await this.documentation.getAll(eventIds);
    }
    if (proofs.size < eventIds.length)
      this.logger.info({ claimId: c.claimId }, 'a documenting record event has no receipt: the contract will refuse the claim');
    return {
      kind: 'submit',
      transitionId,
      claimId: c.claimId,
      at: new Date(c.submittedAt).toISOString(),
      providerOrg: c.provider,
      payerOrg: c.insurer,
      contentCommitment: c.contentCommitment,
      total: c.total,
      items: c.items.map((i) => ({
        serviceCommitment: i.serviceCommitment,
        documentation: (i.documentingEventId !== null && proofs.get(i.documentingEventId)) || null,
      })),
    };
  }

  private async submit(pending: readonly Pending[]): Promise<AppliedTransitions> {
    try {
      return await this.chain.applyTransitions(pending.map((p) => p.transition));
    } catch (err) {
      // A batch the contract cannot parse is a bug here, not an outage: let it be dead-lettered.
      if (refusalIn((err as Error).message ?? '', [CLAIM_INVALID_ARGUMENT])) throw err;
      // A peer away (the other organisation's too: the policy needs both) is waited out; nothing is lost.
      throw err instanceof TransientError ? err : new TransientError(`claim transitions not committed: ${(err as Error).message}`, err);
    }
  }

  private async publish(pending: readonly Pending[], applied: AppliedTransitions): Promise<void> {
    const patients = new Map(pending.map((p) => [p.transition.transitionId, p.patientId]));
    const verdicts = applied.outcomes.map((o) =>
      createEvent({
        type: CLAIM_VERDICT_V1,
        source: LEDGER_SOURCE,
        subject: patients.get(o.transitionId)!,
        data: {
          claimId: o.claimId,
          transitionId: o.transitionId,
          kind: o.kind,
          accepted: o.accepted,
          refusal: o.refusal,
          detail: o.detail,
          chainStatus: o.status,
          mspId: applied.mspId,
          txId: applied.txId,
        },
      }),
    );
    await this.publisher.publishAll(Topics.ledgerClaim, verdicts, (v) => v.subject ?? v.id);
    const refused = applied.outcomes.filter((o) => !o.accepted).length;
    this.logger.info({ txId: applied.txId, blockNumber: applied.blockNumber, transitions: pending.length, refused }, 'claim transitions committed');
  }
}

/** The world-state keys a chunk's transitions write: their claims, and the services submissions bill. */
function keysOf(chunk: readonly Pending[]): ReadonlySet<string> {
  const keys = new Set<string>();
  for (const { transition: t } of chunk) {
    keys.add(`claim:${t.claimId}`);
    if (t.kind === 'submit') for (const item of t.items) keys.add(`service:${item.serviceCommitment}`);
  }
  return keys;
}
