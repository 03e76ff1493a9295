// The consent decision: one Decision per AccessRequest, pure and deterministic. Order:
//  1. unknown or erased patient: deny, whatever else the request says;
//  2. a requester with the patient role: permit (basis patient) when it is the patient
//     reading for PATRQT, else deny; nothing below applies to patients' tokens;
//  3. a purpose that none of the requester's roles may assert (ROLE_PURPOSES): deny,
//     whatever the relationship or the grants;
//  4. staff of the patient's custodian: clinical roles read every category for
//     treatment, the desk, data stewards and administrators read demographics for
//     operations (custodianCategories); custodian basis when that covers the request;
//  5. grants, per category: a category is permitted when some grant for the
//     requester, the purpose and that category is in force at request.at. Grants
//     add up: two grants to one organisation, one for conditions and one for
//     medications, together permit both;
//  6. a claim: a payer reading for payment what a claim addressed to its organisation
//     bills for (the caller names such claims in claimIds); only when grants do not;
//  7. break-glass, only when 4 to 6 leave something denied: a normal basis is
//     preferred because every break-glass read raises an alert for review, and a
//     read the patient consented to should not. An allowed break-glass permits the
//     whole request; a refused one denies with break-glass-not-allowed, still
//     listing what grants permit.
import type { AccessRequest } from './access-request';
import type { Grant } from './grant';
import type { PatientContext } from './patient-context';
import type { Decision, DecisionBasis, DenyDecision, PermitDecision } from './decision';
import type { DataCategory } from '@carechain/contracts';
import { isBreakGlassAllowed } from './break-glass';
import { type CompiledGrant, compileGrant } from './compiled-grant';
import { type CompiledRequest, compileRequest } from './compiled-request';
import { ConsentDecisionError, ConsentDecisionErrorCode } from './consent-decision.error';
import { DenyReason, denyMessage } from './deny-reason';
import { scopeMiss } from './grant-covers';
import { validityMiss } from './grant-validity';
import { isPatientRequester, isThePatient, OWN_RECORDS_PURPOSE } from './own-records';
import { custodianCategories, DEMOGRAPHICS, mayAssertPurpose } from './role-purposes';
import { bitOf } from './vocabulary-mask';

// Closeness of a miss: a grant that failed only on time explains a denial better than
// one for another purpose, so the reported reason is the highest ranked one.
const MISS_RANK: Readonly<Record<DenyReason, number>> = {
  [DenyReason.PatientUnknown]: 0,
  [DenyReason.PatientErased]: 0,
  [DenyReason.BreakGlassNotAllowed]: 0,
  [DenyReason.NotOwnRecords]: 0,
  [DenyReason.OwnRecordsPurpose]: 0,
  [DenyReason.PurposeNotForRole]: 0,
  [DenyReason.NoGrant]: 1,
  [DenyReason.PractitionerMismatch]: 2,
  [DenyReason.PurposeNotGranted]: 3,
  [DenyReason.CategoryNotGranted]: 4,
  [DenyReason.GrantRevoked]: 5,
  [DenyReason.GrantExpired]: 6,
  [DenyReason.GrantNotYetValid]: 7,
};

interface Candidate {
  readonly grant: Grant;
  readonly compiled: CompiledGrant;
}

/**
 * Decides `request` for `patient` (undefined when the registry does not know them)
 * against `grants`, the patient's grants (GrantBook.forPatient). Throws
 * ConsentDecisionError on a malformed request or grant, or on a patient context for
 * another patient.
 */
export function decide<C extends DataCategory>(request: AccessRequest<C>, patient: PatientContext | undefined, grants: readonly Grant[]): Decision<C> {
  const req = compileRequest(request);
  if (patient === undefined) return deny(DenyReason.PatientUnknown, [], req.categories.slice(), []);
  if (patient.patientId !== request.patientId) {
    throw new ConsentDecisionError(ConsentDecisionErrorCode.InvalidRequest, 'the patient context is for another patient than the request');
  }
  if (patient.erased) return deny(DenyReason.PatientErased, [], req.categories.slice(), []);
  if (isPatientRequester(request.requester)) {
    if (!isThePatient(request.requester, patient)) return deny(DenyReason.NotOwnRecords, [], req.categories.slice(), []);
    if (request.purpose !== OWN_RECORDS_PURPOSE) return deny(DenyReason.OwnRecordsPurpose, [], req.categories.slice(), []);
    return permit('patient', req.categories, [], false);
  }
  if (!mayAssertPurpose(request.requester.roles, request.purpose, request.requester.purposes))
    return deny(DenyReason.PurposeNotForRole, [], req.categories.slice(), []);

  // What the custodian rule opens for this requester, as a category mask.
  let permittedMask = 0;
  if (patient.custodian === request.requester.organisation) {
    const opens = custodianCategories(request.requester.roles, request.purpose);
    permittedMask = opens === 'all' ? req.categoryMask : opens === 'demographics' ? req.categoryMask & bitOf(DEMOGRAPHICS) : 0;
    if (permittedMask === req.categoryMask) return permit('custodian', req.categories, [], false);
  }

  // Grants in force for this requester and purpose, and the categories they open. The
  // grants of patients merged into this one are the same person's.
  const aliases = patient.aliases ?? [];
  const isThePatientsGrant = aliases.length === 0 ? (id: string) => id === request.patientId : (id: string) => id === request.patientId || aliases.includes(id);
  const inForce: Candidate[] = [];
  const custodianMask = permittedMask;
  for (let i = 0; i < grants.length; i++) {
    const grant = grants[i];
    const compiled = compileGrant(grant);
    if ((compiled.categoryMask & req.categoryMask & ~custodianMask) === 0) continue;
    if (scopeMiss(grant, compiled, isThePatientsGrant, request.requester, req.purposeMask) !== undefined) continue;
    if (validityMiss(grant, compiled, req.atMs) !== undefined) continue;
    inForce.push({ grant, compiled });
    permittedMask |= compiled.categoryMask & req.categoryMask;
  }
  const grantIds = chooseGrants(inForce, permittedMask & ~custodianMask, req.categories);
  if (permittedMask === req.categoryMask) return permit('grant', req.categories, grantIds, false);
  const claimId = request.claimIds?.[0];
  if (claimId !== undefined && request.purpose === 'HPAYMT') return { ...permit('claim', req.categories, [], false), claimId };

  if (request.breakGlass !== undefined && isBreakGlassAllowed(request)) return permit('break-glass', req.categories, [], true);
  const permitted: C[] = [];
  const denied: C[] = [];
  for (const category of req.categories) ((permittedMask & bitOf(category)) !== 0 ? permitted : denied).push(category);
  const reason =
    request.breakGlass !== undefined
      ? DenyReason.BreakGlassNotAllowed
      : closestMiss(grants, request, req, req.categoryMask & ~permittedMask, isThePatientsGrant);
  return deny(reason, permitted, denied, grantIds);
}

// One grant when one opens every permitted category (the most preferred such), else
// the most preferred grant of each category; most preferred first either way.
function chooseGrants(inForce: readonly Candidate[], permittedMask: number, categories: readonly DataCategory[]): string[] {
  if (inForce.length === 0) return [];
  let single: Candidate | undefined;
  for (const candidate of inForce) {
    if ((candidate.compiled.categoryMask & permittedMask) === permittedMask && (single === undefined || preferred(candidate, single))) single = candidate;
  }
  if (single !== undefined) return [single.grant.grantId];
  const chosen: Candidate[] = [];
  for (const category of categories) {
    let best: Candidate | undefined;
    for (const candidate of inForce) {
      if ((candidate.compiled.categoryMask & bitOf(category)) !== 0 && (best === undefined || preferred(candidate, best))) best = candidate;
    }
    if (best !== undefined && !chosen.includes(best)) chosen.push(best);
  }
  return chosen.sort((a, b) => (preferred(a, b) ? -1 : 1)).map((c) => c.grant.grantId);
}

/** Stable preference between grants in force: the latest validFrom, then the smallest grantId. */
function preferred(a: Candidate, b: Candidate): boolean {
  if (a.compiled.fromMs !== b.compiled.fromMs) return a.compiled.fromMs > b.compiled.fromMs;
  return a.grant.grantId < b.grant.grantId;
}

// Runs only on a denial: over every grant and denied category, the highest ranked miss.
function closestMiss(
  grants: readonly Grant[],
  request: AccessRequest<DataCategory>,
  req: CompiledRequest<DataCategory>,
  deniedMask: number,
  isThePatientsGrant: (id: string) => boolean,
): DenyReason {
  let reason: DenyReason = DenyReason.NoGrant;
  const consider = (miss: DenyReason) => {
    if (MISS_RANK[miss] > MISS_RANK[reason]) reason = miss;
  };
  for (const grant of grants) {
    const compiled = compileGrant(grant);
    const scope = scopeMiss(grant, compiled, isThePatientsGrant, request.requester, req.purposeMask);
    if (scope !== undefined) {
      consider(scope);
      continue;
    }
    if ((deniedMask & ~compiled.categoryMask) !== 0) consider(DenyReason.CategoryNotGranted);
    if ((deniedMask & compiled.categoryMask) !== 0) {
      // A grant in force holding a denied category would have permitted it.
      const validity = validityMiss(grant, compiled, req.atMs);
      if (validity !== undefined) consider(validity);
    }
  }
  return reason;
}

function permit<C extends DataCategory>(basis: DecisionBasis, categories: readonly C[], grantIds: readonly string[], breakGlass: boolean): PermitDecision<C> {
  const permitted = categories.slice();
  if (basis === 'grant') return { effect: 'permit', basis, grantId: grantIds[0], permitted, denied: [], grantIds, breakGlass };
  return { effect: 'permit', basis, permitted, denied: [], grantIds, breakGlass };
}

function deny<C extends DataCategory>(reason: DenyReason, permitted: readonly C[], denied: readonly C[], grantIds: readonly string[]): DenyDecision<C> {
  return { effect: 'deny', reason, message: denyMessage(reason), permitted, denied, grantIds, breakGlass: false };
}
