// The rules engine: decides a claim against its benefit plan in one pass. Every
// failure is an X12 reason code on the item. Items fail hard (denied: coverage,
// payer, not covered, timely filing, duplicate, documentation) or wait for a person
// (pended: prior authorisation absent); what passes is paid at the lesser of billed
// and allowed, units capped per day, after deductible, copay and coinsurance.
import type { AdjudicationOutcome, ReasonCode } from '@carechain/contracts';
import type { BenefitPlan } from '@carechain/contracts';
import type { AdjudicationDecision, ClaimFacts, ClaimItemFacts, DocumentationFinding, ItemAdjudication, ItemStatus } from './adjudication.types';
import { Reasons } from './reason-codes';

const DAY_MS = 86_400_000;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

const cents = (decimal: number) => Math.round(decimal * 100);

const DOCUMENTATION_REASONS: Readonly<Record<Exclude<DocumentationFinding, 'documented'>, readonly ReasonCode[]>> = {
  missing: [Reasons.lacksInformation, Reasons.missingRecord],
  'other-patient': [Reasons.lacksInformation, Reasons.recordMismatch],
  'other-author': [Reasons.lacksInformation, Reasons.recordMismatch],
  'code-mismatch': [Reasons.lacksInformation, Reasons.recordMismatch],
  'date-mismatch': [Reasons.lacksInformation, Reasons.recordMismatch],
};

/** Why an item cannot be paid at all, or undefined when it may be. */
function denial(plan: BenefitPlan, claim: ClaimFacts, item: ClaimItemFacts, billedBefore: ReadonlySet<string>): readonly ReasonCode[] | undefined {
  const { coverage } = claim;
  if (coverage.payer !== claim.insurer || coverage.status !== 'active') return [Reasons.notThisPayer];
  if (coverage.start !== undefined && item.serviceDate < coverage.start) return [Reasons.beforeCoverage];
  if (coverage.end !== undefined && item.serviceDate > coverage.end) return [Reasons.afterCoverage];
  if (item.code.system !== undefined && item.code.system !== plan.codeSystem) return [Reasons.notCovered];
  if (plan.services[item.code.code] === undefined) return [Reasons.notCovered];
  if (daysBetween(item.serviceDate, claim.submittedOn) > plan.timelyFilingDays) return [Reasons.timelyFiling];
  if (billedBefore.has(serviceKey(claim.provider, item.code.code, item.serviceDate))) return [Reasons.duplicate];
  if (item.documentation !== 'documented') return DOCUMENTATION_REASONS[item.documentation];
  return undefined;
}

const serviceKey = (provider: string, code: string, date: string) => `${provider}|${code}|${date}`;
const dayKey = (code: string, date: string) => `${code}|${date}`;

/** An item paid nothing: denied or pended, for `reasons`, its whole price submitted. */
export const unpaid = (
  item: Pick<ClaimItemFacts, 'sequence' | 'unitPrice' | 'quantity'>,
  status: ItemStatus,
  reasons: readonly ReasonCode[],
): ItemAdjudication => ({
  sequence: item.sequence,
  status,
  submitted: item.unitPrice * item.quantity,
  eligible: 0,
  deductible: 0,
  copay: 0,
  coinsurance: 0,
  benefit: 0,
  eligibleUnits: 0,
  reasons,
});

function outcomeOf(items: readonly ItemAdjudication[]): AdjudicationOutcome {
  if (items.some((i) => i.status === 'pended')) return 'pended';
  if (items.every((i) => i.status === 'denied')) return 'denied';
  const reduced = items.some((i) => i.status === 'denied' || i.reasons.some((r) => r === Reasons.frequency));
  return reduced ? 'partially-approved' : 'approved';
}

export function adjudicate(plan: BenefitPlan, claim: ClaimFacts): AdjudicationDecision {
  const billedBefore = new Set(claim.priorItems.map((p) => serviceKey(p.provider, p.code, p.serviceDate)));
  const unitsUsed = new Map<string, number>();
  for (const p of claim.priorItems) unitsUsed.set(dayKey(p.code, p.serviceDate), (unitsUsed.get(dayKey(p.code, p.serviceDate)) ?? 0) + p.quantity);
  let deductibleLeft = Math.max(0, cents(plan.deductible) - claim.deductibleMet);
  const copay = cents(plan.copay);
  const items: ItemAdjudication[] = [];
  for (const item of claim.items) {
    const denied = denial(plan, claim, item, billedBefore);
    if (denied !== undefined) {
      items.push(unpaid(item, 'denied', denied));
      continue;
    }
    const rule = plan.services[item.code.code];
    if (rule.priorAuthorisation && !claim.authorisedCodes.has(item.code.code)) {
      items.push(unpaid(item, 'pended', [Reasons.authorisationAbsent]));
      continue;
    }
    const reasons: ReasonCode[] = [];
    const day = dayKey(item.code.code, item.serviceDate);
    const used = unitsUsed.get(day) ?? 0;
    const units = rule.unitsPerDay === undefined ? item.quantity : Math.max(0, Math.min(item.quantity, rule.unitsPerDay - used));
    unitsUsed.set(day, used + units);
    if (units === 0) {
      items.push(unpaid(item, 'denied', [Reasons.frequency]));
      continue;
    }
    if (units < item.quantity) reasons.push(Reasons.frequency);
    const allowed = cents(rule.allowed);
    if (item.unitPrice > allowed) reasons.push(Reasons.exceedsFeeSchedule);
    const eligible = Math.min(item.unitPrice, allowed) * units;
    const deductible = Math.min(deductibleLeft, eligible);
    deductibleLeft -= deductible;
    const itemCopay = Math.min(copay, eligible - deductible);
    const coinsurance = Math.round((eligible - deductible - itemCopay) * plan.coinsurance);
    if (deductible > 0) reasons.push(Reasons.deductible);
    if (itemCopay > 0) reasons.push(Reasons.copay);
    if (coinsurance > 0) reasons.push(Reasons.coinsurance);
    const benefit = eligible - deductible - itemCopay - coinsurance;
    billedBefore.add(serviceKey(claim.provider, item.code.code, item.serviceDate));
    items.push({
      sequence: item.sequence,
      status: 'payable',
      submitted: item.unitPrice * item.quantity,
      eligible,
      deductible,
      copay: itemCopay,
      coinsurance,
      benefit,
      eligibleUnits: units,
      reasons,
    });
  }
  const sum = (pick: (i: ItemAdjudication) => number) => items.reduce((total, i) => total + pick(i), 0);
  const totals = {
    submitted: sum((i) => i.submitted),
    eligible: sum((i) => i.eligible),
    benefit: sum((i) => i.benefit),
    patientPays: sum((i) => i.deductible + i.copay + i.coinsurance),
  };
  return { outcome: outcomeOf(items), plan: { planId: plan.planId, version: plan.version }, currency: plan.currency, items, totals };
}
