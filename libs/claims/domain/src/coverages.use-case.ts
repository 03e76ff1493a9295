// Registering a patient's Coverage (a payer for its own members, or a provider's
// registrar) and listing them. The Coverage is validated as FHIR R4, must name the
// patient as beneficiary, one payor organisation and the plan (class `plan`), and
// is sealed under the patient's key.
import { COVERAGE_REGISTERED_V1, createEvent, planIdSchema, Topics } from '@carechain/contracts';
import { validateFinancialResource, type FhirCoverage } from '@carechain/records-fhir';
import { ClaimsKit, type ClaimsDeps } from './claims.deps';
import { ClaimsError, ClaimsErrorCode, forbidden, unprocessable } from './claims.error';
import { CLAIMS_SOURCE } from './claims-topology';
import { isAuditor, isPatient, patientOf, isPayer, isProvider, type Requester } from './requester';

export interface RegisteredCoverage {
  readonly coverageId: string;
  readonly patientId: string;
  readonly payer: string;
  readonly planId: string;
  readonly eventId: string;
}

export interface CoverageView {
  readonly coverageId: string;
  readonly resource: FhirCoverage;
}

const PLAN_CLASS = 'http://terminology.hl7.org/CodeSystem/coverage-class';

export class RegisterCoverageUseCase {
  private readonly kit: ClaimsKit;

  constructor(deps: ClaimsDeps) {
    this.kit = new ClaimsKit(deps);
  }

  async execute(body: unknown, requester: Requester): Promise<RegisteredCoverage> {
    const valid = validateFinancialResource(body, 'Coverage');
    if (!valid.ok)
      throw new ClaimsError(ClaimsErrorCode.InvalidResource, `not a valid FHIR R4 Coverage (${valid.issues.length} issues)`, { issues: valid.issues });
    const coverage = valid.resource;
    const patientId = /^Patient\/([0-9a-f-]{36})$/.exec(coverage.beneficiary.reference ?? '')?.[1];
    if (patientId === undefined) throw unprocessable('Coverage.beneficiary', 'the beneficiary must be a reference Patient/<carechain patient id>');
    const payers = coverage.payor.map((p) => /^Organization\/([A-Za-z0-9._-]{1,64})$/.exec(p.reference ?? '')?.[1]);
    if (payers.length !== 1 || payers[0] === undefined) throw unprocessable('Coverage.payor', 'exactly one payor, a reference Organization/<organisation id>');
    const payer = payers[0];
    const planValue = coverage.class?.find((c) => c.type.coding?.some((t) => t.system === PLAN_CLASS && t.code === 'plan'))?.value;
    const plan = planIdSchema.safeParse(planValue);
    if (!plan.success) throw unprocessable('Coverage.class', `one class of type ${PLAN_CLASS}|plan must name the benefit plan (1-64 of A-Z a-z 0-9 . _ -)`);
    if (!(isPayer(requester) && requester.organisation === payer) && !(isProvider(requester) && requester.roles.includes('registrar'))) {
      throw forbidden('a coverage is registered by its payer or by a provider registrar');
    }
    await this.kit.patient(patientId);
    const coverageId = this.kit.newId();
    const now = this.kit.now();
    const stored: FhirCoverage = { ...coverage, id: coverageId, meta: { ...coverage.meta, versionId: '1', lastUpdated: now.toISOString() } };
    const event = createEvent({
      type: COVERAGE_REGISTERED_V1,
      source: CLAIMS_SOURCE,
      subject: patientId,
      actor: requester.subject,
      actororg: requester.organisation,
      time: now,
      data: {
        coverageId,
        patientId,
        payer,
        planId: plan.data,
        registeredBy: { subject: requester.subject, organisation: requester.organisation },
        resource: await this.kit.vault.seal(patientId, coverageId, 'coverage', stored),
      },
    });
    const written = await this.kit.deps.publisher.publish(Topics.claimsClaim, event, { key: patientId });
    await this.kit.deps.progress.readModel.caughtUpTo([written], this.kit.timing.visibleWaitMs);
    return { coverageId, patientId, payer, planId: plan.data, eventId: event.id };
  }
}

export class ListCoveragesUseCase {
  private readonly kit: ClaimsKit;

  constructor(deps: ClaimsDeps) {
    this.kit = new ClaimsKit(deps);
  }

  /** The patient's coverages: all of them to the patient and to the custodian's providers and auditors; a payer (or its auditors) its own. */
  async execute(patientId: string, requester: Requester): Promise<CoverageView[]> {
    const self = patientOf(requester) === patientId;
    if (isPatient(requester) && !self) throw forbidden('a patient sees their own coverages only');
    const patient = await this.kit.patient(patientId);
    const custodian = (isProvider(requester) || isAuditor(requester)) && requester.organisation === patient.custodian;
    if (!self && !custodian && !isPayer(requester) && !isAuditor(requester))
      throw forbidden("a patient's coverages are the patient's, their custodian's and their payers'");
    const all = await this.kit.store.coveragesOf(patientId);
    const visible = self || custodian ? all : all.filter((c) => c.payer === requester.organisation);
    return Promise.all(
      visible.map(async (c) => ({
        coverageId: c.coverageId,
        resource: await this.kit.vault.open<FhirCoverage>(patientId, c.coverageId, 'coverage', c.resource),
      })),
    );
  }
}
