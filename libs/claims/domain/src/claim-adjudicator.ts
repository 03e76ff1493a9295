// Gathers what the engine decides on — the coverage as sealed, the patient's
// earlier claims (for duplicates, units, prior authorisations and the deductible
// used), the documentation of each item — runs it, and turns the decision into a
// sealed ClaimResponse and its ClaimAdjudicated event.
import { adjudicate, unpaid, type AdjudicationDecision, type ClaimFacts, type DocumentationFinding, type PriorItem } from '@carechain/claims-adjudication';
import { CLAIM_ADJUDICATED_V1, createEvent, type ClaimAdjudicatedV1, type CloudEvent, type ReasonCode } from '@carechain/contracts';
import type { FhirClaim, FhirClaimResponse, FhirCoverage } from '@carechain/records-fhir';
import { amountIn, claimResponseOf } from './claim-response.builder';
import { parseClaim, type ParsedClaim, type ParsedItem } from './claim-facts';
import type { ClaimsKit } from './claims.deps';
import { CLAIMS_SOURCE } from './claims-topology';
import type { StoredClaim, StoredCoverage } from './stored-claim';

/** Consult plan benefit documents: no benefit plan is loaded for the coverage's plan, so a person decides. */
const NO_PLAN: ReasonCode = { system: 'rarc', code: 'N130' };

const COUNTS: ReadonlySet<string> = new Set(['submitted', 'verified', 'approved', 'partially-approved', 'pended', 'paid', 'appealed', 're-adjudicated']);
const AUTHORISES: ReadonlySet<string> = new Set(['approved', 'partially-approved', 'paid']);

export interface Subject {
  readonly claimId: string;
  readonly patientId: string;
  readonly fhir: FhirClaim;
  readonly parsed: ParsedClaim;
  readonly insurer: string;
  readonly coverage: StoredCoverage;
  readonly submittedOn: string;
}

export interface Decided {
  readonly decision: AdjudicationDecision;
  readonly response: FhirClaimResponse;
}

/** Every item denied or pended for `reasons`, nothing paid; under `plan` when there is one. */
function unpaidDecision(
  subject: Subject,
  outcome: 'denied' | 'pended',
  reasons: readonly ReasonCode[],
  plan?: { planId: string; version: number; currency: string },
): AdjudicationDecision {
  const items = subject.parsed.items.map((i) => unpaid(i, outcome, reasons));
  return {
    outcome,
    plan: plan ? { planId: plan.planId, version: plan.version } : { planId: subject.coverage.planId, version: 0 },
    currency: plan?.currency ?? subject.parsed.items[0]?.currency ?? 'EUR',
    items,
    totals: { submitted: items.reduce((s, i) => s + i.submitted, 0), eligible: 0, benefit: 0, patientPays: 0 },
  };
}

export class ClaimAdjudicator {
  constructor(private readonly kit: ClaimsKit) {}

  /** Runs the benefit plan over the claim; `authorised` adds codes a payer's person approved. */
  async decide(subject: Subject, authorised: readonly string[] = []): Promise<Decided> {
    const plan = this.kit.deps.plans.current(subject.coverage.payer, subject.coverage.planId);
    const decision = plan === undefined ? this.noPlan(subject) : adjudicate(plan, await this.facts(subject, authorised));
    return { decision, response: claimResponseOf(subject.claimId, subject.fhir, decision, subject.insurer, this.kit.now()) };
  }

  /** A person's denial: every item denied with the reasons they give. */
  denial(subject: Subject, reasons: readonly ReasonCode[]): Decided {
    const plan = this.kit.deps.plans.current(subject.coverage.payer, subject.coverage.planId);
    const decision = unpaidDecision(subject, 'denied', reasons, plan);
    return { decision, response: claimResponseOf(subject.claimId, subject.fhir, decision, subject.insurer, this.kit.now()) };
  }

  async event(
    subject: Subject,
    decided: Decided,
    reAdjudication: boolean,
    decidedBy: ClaimAdjudicatedV1['decidedBy'],
    actor?: { subject: string; organisation: string },
  ): Promise<CloudEvent> {
    const { decision } = decided;
    return createEvent({
      type: CLAIM_ADJUDICATED_V1,
      source: CLAIMS_SOURCE,
      subject: subject.patientId,
      ...(actor && { actor: actor.subject, actororg: actor.organisation }),
      time: this.kit.now(),
      data: {
        claimId: subject.claimId,
        patientId: subject.patientId,
        outcome: decision.outcome,
        reAdjudication,
        decidedBy,
        ...(decision.plan.version > 0 && { plan: decision.plan }),
        items: decision.items.map((i) => ({ sequence: i.sequence, reasons: [...i.reasons] })),
        response: await this.kit.vault.seal(subject.patientId, subject.claimId, 'response', decided.response),
      },
    });
  }

  private noPlan(subject: Subject): AdjudicationDecision {
    return unpaidDecision(subject, 'pended', [NO_PLAN]);
  }

  private async facts(subject: Subject, authorised: readonly string[]): Promise<ClaimFacts> {
    const { patientId, claimId, parsed } = subject;
    const coverage = await this.kit.vault.open<FhirCoverage>(patientId, subject.coverage.coverageId, 'coverage', subject.coverage.resource);
    const earlier = (await this.kit.store.claimsOfPatient(patientId)).filter((c) => c.submission.claimId !== claimId);
    const opened = await Promise.all(
      earlier.map(async (c) => ({
        stored: c,
        parsed: parseClaim(await this.kit.vault.open<FhirClaim>(patientId, c.submission.claimId, 'claim', c.submission.resource)),
      })),
    );
    const counting = (c: StoredClaim) => COUNTS.has(c.status) && c.adjudication?.outcome !== 'denied';
    const priorItems: PriorItem[] = opened
      .filter(({ stored }) => stored.submission.use === 'claim' && counting(stored))
      .flatMap(({ stored, parsed: p }) =>
        p.items.map((i) => ({ provider: stored.submission.provider, code: i.code.code, serviceDate: i.serviceDate, quantity: i.quantity })),
      );
    const preauthorised = opened
      .filter(
        ({ stored }) =>
          stored.submission.use === 'preauthorization' &&
          stored.submission.provider === parsed.provider &&
          stored.adjudication !== undefined &&
          AUTHORISES.has(stored.adjudication.outcome),
      )
      .flatMap(({ parsed: p }) => p.items.map((i) => i.code.code));
    const sameCoverage = earlier.filter(
      (c) => c.submission.coverageId === subject.coverage.coverageId && c.adjudication !== undefined && c.status !== 'cancelled',
    );
    const responses = await Promise.all(
      sameCoverage.map((c) => this.kit.vault.open<FhirClaimResponse>(patientId, c.submission.claimId, 'response', c.adjudication!.response)),
    );
    return {
      provider: parsed.provider,
      insurer: subject.insurer,
      submittedOn: subject.submittedOn,
      coverage: {
        payer: subject.coverage.payer,
        planId: subject.coverage.planId,
        status: coverage.status,
        ...(coverage.period?.start !== undefined && { start: coverage.period.start.slice(0, 10) }),
        ...(coverage.period?.end !== undefined && { end: coverage.period.end.slice(0, 10) }),
      },
      items: await Promise.all(
        parsed.items.map(async (item) => ({
          sequence: item.sequence,
          code: item.code,
          serviceDate: item.serviceDate,
          quantity: item.quantity,
          unitPrice: item.unitPrice,
          documentation: await this.documentation(subject, item),
        })),
      ),
      priorItems,
      authorisedCodes: new Set([...preauthorised, ...authorised]),
      deductibleMet: responses.reduce((sum, r) => sum + amountIn(r, 'deductible'), 0),
    };
  }

  /** Whether the item's record exists, is the patient's, was written by the billing organisation, and bills the same code on the same day. */
  private async documentation(subject: Subject, item: ParsedItem): Promise<DocumentationFinding> {
    if (subject.parsed.use === 'preauthorization') return 'documented';
    const record = item.recordId === undefined ? undefined : await this.kit.deps.documents.find(item.recordId);
    if (record === undefined) return 'missing';
    if (record.patientId !== subject.patientId) return 'other-patient';
    if (record.author !== subject.parsed.provider) return 'other-author';
    if (!record.codes.includes(item.code.code)) return 'code-mismatch';
    if (record.date !== item.serviceDate) return 'date-mismatch';
    return 'documented';
  }
}

/** The subject of a claim already submitted, from the read model (its Claim opened). */
export async function subjectOf(kit: ClaimsKit, patientId: string, claim: StoredClaim): Promise<Subject> {
  const { submission } = claim;
  const fhir = await kit.vault.open<FhirClaim>(patientId, submission.claimId, 'claim', submission.resource);
  const coverage = await kit.store.coverage(patientId, submission.coverageId);
  if (coverage === undefined) throw new Error(`claims read model: coverage ${submission.coverageId} of claim ${submission.claimId} is missing`);
  return {
    claimId: submission.claimId,
    patientId,
    fhir,
    parsed: parseClaim(fhir),
    insurer: submission.insurer,
    coverage,
    submittedOn: submission.submittedAt.slice(0, 10),
  };
}
