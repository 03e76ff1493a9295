// The ClaimContract's verdicts, as the providers' ledger-writer publishes them on
// ledger.claim.v1 once committed: a verdict on a submission moves the claim out of
// `submitted` (ApplyChainVerdictUseCase), accepted or refused with the contract's
// reason. Verdicts on later transitions only confirm what claims already decided.
import { CLAIM_VERDICT_V1 } from '@carechain/contracts';
import type { BatchHandler, RecordBatch } from '@carechain/messaging';
import type { Logger } from '@carechain/telemetry';
import { type ApplyChainVerdictUseCase, CHAIN_REFUSALS, type ChainRefusal } from './chain-verdict.use-case';
import { ClaimsError, ClaimsErrorCode } from './claims.error';

const isChainRefusal = (code: string | null): code is ChainRefusal => (CHAIN_REFUSALS as readonly (string | null)[]).includes(code);

export class ChainVerdictsHandler implements BatchHandler {
  constructor(
    private readonly verdicts: Pick<ApplyChainVerdictUseCase, 'execute'>,
    private readonly logger: Logger,
  ) {}

  async handle(batch: RecordBatch): Promise<void> {
    for (const { event } of batch.records) {
      if (event.type !== CLAIM_VERDICT_V1 || event.data.kind !== 'submit') continue;
      const { claimId, accepted, refusal, txId } = event.data;
      if (!accepted && !isChainRefusal(refusal)) {
        // Not a verdict on the claim (e.g. the id already on the chain): the claim waits for a person to look.
        this.logger.warn({ claimId, refusal, txId }, 'the chain refused a submission for a reason that decides nothing about the claim');
        continue;
      }
      try {
        const status = await this.verdicts.execute(accepted ? { claimId, accepted } : { claimId, accepted, refusal: refusal as ChainRefusal });
        this.logger.info({ claimId, accepted, refusal, txId, status }, 'chain verdict applied');
      } catch (err) {
        // The patient was erased since: nothing left to move.
        if (err instanceof ClaimsError && err.code === ClaimsErrorCode.PatientErased) {
          this.logger.info({ claimId, reason: err.code }, 'chain verdict for a claim of an erased patient');
          continue;
        }
        // Not in the read model yet (or never ours): retried a bounded number of times, then dead-lettered with the reason.
        throw err;
      }
    }
  }
}
