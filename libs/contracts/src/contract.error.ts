// One error for every way a message can break its contract. Consumers map it to
// "dead-letter, do not retry": a malformed event will not get better.

export enum ContractErrorCode {
  NotJson = 'not_json',
  BadEnvelope = 'bad_envelope',
  UnknownType = 'unknown_type',
  BadData = 'bad_data',
}

export interface ContractIssue {
  readonly path: string;
  readonly message: string;
}

export class ContractError extends Error {
  constructor(
    readonly code: ContractErrorCode,
    message: string,
    readonly issues: readonly ContractIssue[] = [],
  ) {
    super(message);
    this.name = 'ContractError';
  }
}
