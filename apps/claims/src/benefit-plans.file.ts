// The payers' benefit plans, read once at start from CLAIMS_BENEFIT_PLANS_FILE: a
// JSON array of plans (see @carechain/claims-adjudication's benefitPlanSchema),
// several versions of a plan in ascending order. A plan that does not parse stops
// the service, naming the file and the problem.
import { readFileSync } from 'node:fs';
import { parseBenefitPlan, PlanBook } from '@carechain/claims-adjudication';

export function loadPlanBook(file: string | undefined): PlanBook {
  const book = new PlanBook();
  if (file === undefined) return book;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`CLAIMS_BENEFIT_PLANS_FILE ${file}: ${(err as Error).message}`);
  }
  if (!Array.isArray(json)) throw new Error(`CLAIMS_BENEFIT_PLANS_FILE ${file}: expected a JSON array of benefit plans`);
  json.forEach((plan, i) => {
    try {
      book.add(parseBenefitPlan(plan));
    } catch (err) {
      throw new Error(`CLAIMS_BENEFIT_PLANS_FILE ${file}, plan [${i}]: ${(err as Error).message}`);
    }
  });
  return book;
}
