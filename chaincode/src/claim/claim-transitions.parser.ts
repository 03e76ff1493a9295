// Turns ApplyTransitions' one JSON argument into typed transitions, or refuses the
// whole batch with INVALID_ARGUMENT naming the field: ledger-writer builds batches
// from validated events, so a malformed one is a bug to surface, not a claim to
// refuse. Values are rebuilt from what was checked, never copied wholesale, so nothing
// unlisted (a patient id, a code in clear) can slip onto the chain.
import {
  ADJUDICATION_OUTCOMES,
  CLAIM_TRANSITION_KINDS,
  type ChainAdjudicationOutcome,
  type ClaimItemSubmission,
  type ClaimMoney,
  type ClaimTransition,
  type ClaimTransitionKind,
  type DocumentationProof,
  MAX_ITEMS_PER_CLAIM,
  MAX_PROOF_LENGTH,
  MAX_REASON_CODES,
  MAX_TRANSITIONS_PER_BATCH,
} from '@carechain/ledger-chaincode-api';
import { utcMillisOf } from '../shared/utc-instant';
import { ClaimBatchError } from './claim.error';

const HEX64 = /^[0-9a-f]{64}$/;
// Claim and event ids are random UUIDs minted by the claims service: opaque.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// carechain organisation ids (the JWT `org` claim): names of organisations, never of people.
const ORG = /^[A-Za-z0-9._-]{1,64}$/;
const AMOUNT = /^(0|[1-9]\d{0,11})(\.\d{1,2})?$/;
const CURRENCY = /^[A-Z]{3}$/;
const REASON = /^(carc|rarc):[A-Z0-9]{1,6}$/;

type Json = Record<string, unknown>;

export function parseTransitionBatch(json: unknown): ClaimTransition[] {
  if (typeof json !== 'string') throw new ClaimBatchError('the batch must be a JSON string');
  let body: unknown;
  try {
    body = JSON.parse(json);
  } catch {
    throw new ClaimBatchError('the batch is not JSON');
  }
  const transitions = field(object(body, 'batch'), 'transitions', 'batch');
  if (!Array.isArray(transitions) || transitions.length === 0 || transitions.length > MAX_TRANSITIONS_PER_BATCH) {
    throw new ClaimBatchError(`transitions must be an array of 1 to ${MAX_TRANSITIONS_PER_BATCH}`);
  }
  return transitions.map((t, i) => parseTransition(t, `transitions[${i}]`));
}

function parseTransition(value: unknown, at: string): ClaimTransition {
  const t = object(value, at);
  const kind = oneOf(t, 'kind', CLAIM_TRANSITION_KINDS, at) as ClaimTransitionKind;
  const base = { transitionId: matching(t, 'transitionId', UUID, at), claimId: matching(t, 'claimId', UUID, at), at: time(t, 'at', at) };
  switch (kind) {
    case 'submit': {
      const items = field(t, 'items', at);
      if (!Array.isArray(items) || items.length === 0 || items.length > MAX_ITEMS_PER_CLAIM) {
        throw new ClaimBatchError(`${at}.items must be an array of 1 to ${MAX_ITEMS_PER_CLAIM}`);
      }
      return {
        kind,
        ...base,
        providerOrg: matching(t, 'providerOrg', ORG, at),
        payerOrg: matching(t, 'payerOrg', ORG, at),
        contentCommitment: matching(t, 'contentCommitment', HEX64, at),
        total: money(t, 'total', at),
        items: items.map((item, i) => parseItem(item, `${at}.items[${i}]`)),
      };
    }
    case 'cancel':
      return { kind, ...base };
    case 'adjudicate': {
      const codes = field(t, 'reasonCodes', at);
      if (!Array.isArray(codes) || codes.length > MAX_REASON_CODES || !codes.every((c) => typeof c === 'string' && REASON.test(c))) {
        throw new ClaimBatchError(`${at}.reasonCodes must be at most ${MAX_REASON_CODES} codes like carc:45`);
      }
      const outcome = oneOf(t, 'outcome', ADJUDICATION_OUTCOMES, at) as ChainAdjudicationOutcome;
      return { kind, ...base, outcome, reasonCodes: codes as string[] };
    }
    case 'pay':
      return { kind, ...base };
  }
}

function parseItem(value: unknown, at: string): ClaimItemSubmission {
  const item = object(value, at);
  const documentation = field(item, 'documentation', at);
  return {
    serviceCommitment: matching(item, 'serviceCommitment', HEX64, at),
    documentation: documentation === null ? null : parseProof(documentation, `${at}.documentation`),
  };
}

function parseProof(value: unknown, at: string): DocumentationProof {
  const d = object(value, at);
  const leafIndex = field(d, 'leafIndex', at);
  if (!Number.isSafeInteger(leafIndex) || (leafIndex as number) < 0) throw new ClaimBatchError(`${at}.leafIndex must be a non-negative integer`);
  const proof = field(d, 'proof', at);
  if (!Array.isArray(proof) || proof.length > MAX_PROOF_LENGTH || !proof.every((p) => typeof p === 'string' && HEX64.test(p))) {
    throw new ClaimBatchError(`${at}.proof must be at most ${MAX_PROOF_LENGTH} hashes of 64 lowercase hex characters`);
  }
  return {
    eventCommitment: matching(d, 'eventCommitment', HEX64, at),
    batchId: matching(d, 'batchId', HEX64, at),
    leafIndex: leafIndex as number,
    proof: proof as string[],
  };
}

function money(t: Json, name: string, at: string): ClaimMoney {
  const m = object(field(t, name, at), `${at}.${name}`);
  return { value: matching(m, 'value', AMOUNT, `${at}.${name}`), currency: matching(m, 'currency', CURRENCY, `${at}.${name}`) };
}

function time(t: Json, name: string, at: string): string {
  const value = field(t, name, at);
  if (utcMillisOf(value) === undefined) throw new ClaimBatchError(`${at}.${name} must be an ISO-8601 UTC time like 2025-01-31T12:00:00.000Z`);
  return value as string;
}

function matching(t: Json, name: string, pattern: RegExp, at: string): string {
  const value = field(t, name, at);
  if (typeof value !== 'string' || !pattern.test(value)) throw new ClaimBatchError(`${at}.${name} does not match ${pattern.source}`);
  return value;
}

function oneOf(t: Json, name: string, allowed: readonly string[], at: string): string {
  const value = field(t, name, at);
  if (typeof value !== 'string' || !allowed.includes(value)) throw new ClaimBatchError(`${at}.${name} must be one of ${allowed.join(', ')}`);
  return value;
}

function field(t: Json, name: string, at: string): unknown {
  if (!Object.prototype.hasOwnProperty.call(t, name)) throw new ClaimBatchError(`${at}.${name} is missing`);
  return t[name];
}

function object(value: unknown, at: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ClaimBatchError(`${at} must be an object`);
  return value as Json;
}
