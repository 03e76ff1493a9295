export { adjudicate, unpaid } from './adjudicate';
export { AdjudicationError, AdjudicationErrorCode } from './adjudication.error';
export type {
  AdjudicationDecision,
  ClaimFacts,
  ClaimItemFacts,
  CoverageFacts,
  DocumentationFinding,
  IsoDate,
  ItemAdjudication,
  ItemStatus,
  PriorItem,
} from './adjudication.types';
export { parseBenefitPlan, type ServiceRule } from './benefit-plan';
export { benefitPlanSchema, type BenefitPlan, type BenefitPlanInput } from '@carechain/contracts';
export { PlanBook } from './plan-book';
export { Reasons } from './reason-codes';
