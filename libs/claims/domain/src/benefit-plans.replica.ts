// The benefit plans every claims instance decides with: those of the plans file,
// then every version a payer published on claims.claim.v1, replayed from the start
// (a replica, like the patient keys), so all instances hold the same versions. A
// published version not newer than the one held (the same version in the file, a
// replay) is left out.
import { BENEFIT_PLAN_PUBLISHED_V1 } from '@carechain/contracts';
import type { PlanBook } from '@carechain/claims-adjudication';
import type { ReplicatedRecord, TopicReplicaHandler } from '@carechain/messaging';

/** What the replica applies: every other event on claims.claim.v1 is passed over by its type header, unparsed. */
export const BENEFIT_PLAN_EVENTS = [BENEFIT_PLAN_PUBLISHED_V1] as const;

export class BenefitPlansReplica implements TopicReplicaHandler {
  constructor(readonly book: PlanBook) {}

  apply({ event }: ReplicatedRecord): void {
    if (event?.type !== BENEFIT_PLAN_PUBLISHED_V1) return;
    const { plan } = event.data;
    const held = this.book.current(plan.payer, plan.planId);
    if (held === undefined || plan.version > held.version) this.book.add(plan);
  }
}
