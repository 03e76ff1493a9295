export { adjudicate } from './adjudicate';
export { AdjudicationError, AdjudicationErrorCode } from './adjudication.error';
export type { AdjudicationDecision, ClaimFacts, ClaimItemFacts, CoverageFacts, DocumentationFinding, IsoDate, ItemAdjudication, ItemStatus, PriorItem } from './adjudication.types';
export { benefitPlanSchema, parseBenefitPlan, type BenefitPlan, type BenefitPlanInput, type ServiceRule } from './benefit-plan';
export { PlanBook } from './plan-book';
export { Reasons } from './reason-codes';
