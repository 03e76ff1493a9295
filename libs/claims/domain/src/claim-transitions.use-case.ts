// The claim moves that carry no adjudication: the payer pays (amount, date,
// remittance reference: sealed), the provider cancels before a decision, the
// provider or the patient appeals a denial or a partial approval (the reason:
// sealed). Each checks who may, then the state table, then publishes one event.
import { CLAIM_APPEALED_V1, CLAIM_CANCELLED_V1, CLAIM_PAID_V1, createEvent, type CloudEvent } from '@carechain/contracts';
import type { FhirClaimResponse } from '@carechain/records-fhir';
import { benefitOf } from './claim-response.builder';
import { assertTransition, type ClaimStatus } from './claim-status';
import { ClaimsKit, type ClaimsDeps, type LoadedClaim } from './claims.deps';
import { ClaimsError, ClaimsErrorCode, forbidden, unprocessable } from './claims.error';
import { CLAIMS_SOURCE } from './claims-topology';
import type { PaymentDetails } from './explanation-of-benefit.builder';
import { assertInsurer, assertProvider, patientOf, isProvider, type Requester } from './requester';

export interface Transitioned {
  readonly claimId: string;
  readonly status: ClaimStatus;
  readonly eventId: string;
}

export interface PaymentRequest {
  /** Decimal, in the plan's currency. */
  readonly amount: number;
  readonly date: string;
  readonly remittanceReference: string;
}

export class ClaimTransitionsUseCase {
  private readonly kit: ClaimsKit;

  constructor(deps: ClaimsDeps) {
    this.kit = new ClaimsKit(deps);
  }

  pay(claimId: string, request: PaymentRequest, requester: Requester): Promise<Transitioned> {
    return this.move(claimId, 'paid', requester, async ({ patientId, claim }) => {
      assertInsurer(requester, claim.submission);
      assertTransition(claimId, claim.status, 'paid');
      if (claim.adjudication === undefined || claim.adjudication.outcome === 'denied') {
        throw new ClaimsError(ClaimsErrorCode.InvalidTransition, `claim ${claimId} is ${claim.status} and denied; nothing is payable`, {
          currentStatus: claim.status,
        });
      }
      const response = await this.kit.vault.open<FhirClaimResponse>(patientId, claimId, 'response', claim.adjudication.response);
      const amount = Math.round(request.amount * 100);
      const benefit = benefitOf(response);
      if (amount > benefit) throw unprocessable('amount', `the payment exceeds the adjudicated benefit of ${(benefit / 100).toFixed(2)}`);
      const currency = response.total?.[0]?.amount.currency ?? 'EUR';
      const payment: PaymentDetails = { amount, currency, date: request.date, remittanceReference: request.remittanceReference };
      return {
        type: CLAIM_PAID_V1,
        data: { claimId, patientId, paidBy: actorOf(requester), payment: await this.kit.vault.seal(patientId, claimId, 'payment', payment) },
      };
    });
  }

  cancel(claimId: string, requester: Requester): Promise<Transitioned> {
    return this.move(claimId, 'cancelled', requester, async ({ patientId, claim }) => {
      assertProvider(requester, claim.submission);
      assertTransition(claimId, claim.status, 'cancelled');
      return { type: CLAIM_CANCELLED_V1, data: { claimId, patientId, cancelledBy: actorOf(requester) } };
    });
  }

  appeal(claimId: string, reason: string, requester: Requester): Promise<Transitioned> {
    return this.move(claimId, 'appealed', requester, async ({ patientId, claim }) => {
      const own = (isProvider(requester) && requester.organisation === claim.submission.provider) || patientOf(requester) === patientId;
      if (!own) throw forbidden(`only the provider that submitted claim ${claimId}, or its patient, may appeal it`);
      assertTransition(claimId, claim.status, 'appealed');
      return {
        type: CLAIM_APPEALED_V1,
        data: { claimId, patientId, appealedBy: actorOf(requester), reason: await this.kit.vault.seal(patientId, claimId, 'appeal', { reason }) },
      };
    });
  }

  private move(
    claimId: string,
    to: ClaimStatus,
    requester: Requester,
    build: (loaded: LoadedClaim) => Promise<{ type: string; data: object }>,
  ): Promise<Transitioned> {
    return this.kit.exclusive(claimId, async () => {
      const loaded = await this.kit.loadClaim(claimId);
      const { type, data } = await build(loaded);
      const event: CloudEvent = createEvent({
        type,
        source: CLAIMS_SOURCE,
        subject: loaded.patientId,
        actor: requester.subject,
        actororg: requester.organisation,
        time: this.kit.now(),
        data,
      });
      await this.kit.publish(loaded.patientId, claimId, [event], to);
      return { claimId, status: to, eventId: event.id };
    });
  }
}

const actorOf = (r: Requester) => ({ subject: r.subject, organisation: r.organisation });
