// One error for every way a message can break its contract. Consumers map it to
// "dead-letter, do not retry": a malformed event will not get better.

export enum ContractErrorCode {
  NotJson = 'not_json',
  BadEnvelope = 'bad_envelope',
  UnknownType = 'unknown_type',
  BadData = 'bad_data',
  /** The record's CloudEvents type header names another type than its value: consumers that skip by the header would disagree with those that parse. */
  TypeMismatch = 'type_mismatch',
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
