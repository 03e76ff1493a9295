// Test-side R4 schemas of OperationOutcome and of a searchset Bundle, built with the
// lib's own element builder, to check what the builders produce is valid R4.
import { z } from 'zod';
import { CodeableConcept } from '../datatypes/coding.schema';
import { element } from '../datatypes/element';
import { many, opt, some } from '../datatypes/field';
import { Meta } from '../datatypes/narrative.schema';
import { codeFrom, decimal, fhirString, id, instant, unsignedInt, uri } from '../datatypes/primitive.schema';
import { domainResource } from '../resources/domain-resource';

const ISSUE_TYPES = [
  'invalid',
  'structure',
  'required',
  'value',
  'invariant',
  'security',
  'login',
  'unknown',
  'expired',
  'forbidden',
  'suppressed',
  'processing',
  'not-supported',
  'duplicate',
  'multiple-matches',
  'not-found',
  'deleted',
  'too-long',
  'code-invalid',
  'extension',
  'too-costly',
  'business-rule',
  'conflict',
  'transient',
  'lock-error',
  'no-store',
  'exception',
  'timeout',
  'incomplete',
  'throttled',
  'informational',
] as const;

export const R4OperationOutcome = domainResource('OperationOutcome', {
  issue: some(
    element(
      {
        severity: codeFrom(['fatal', 'error', 'warning', 'information']),
        code: codeFrom(ISSUE_TYPES),
        details: opt(CodeableConcept),
        diagnostics: opt(fhirString),
        location: many(fhirString),
        expression: many(fhirString),
      },
      { backbone: true },
    ),
  ),
});

const BUNDLE_TYPES = ['document', 'message', 'transaction', 'transaction-response', 'batch', 'batch-response', 'history', 'searchset', 'collection'] as const;

// Bundle is a Resource, not a DomainResource: no text, contained or extensions at its root.
export const R4SearchsetBundle = element(
  {
    resourceType: z.literal('Bundle'),
    id: opt(id),
    meta: opt(Meta),
    type: codeFrom(BUNDLE_TYPES),
    timestamp: opt(instant),
    total: opt(unsignedInt),
    link: many(element({ relation: fhirString, url: uri }, { backbone: true })),
    entry: many(
      element(
        {
          fullUrl: opt(uri),
          resource: opt(z.looseObject({ resourceType: z.string() })),
          search: opt(element({ mode: opt(codeFrom(['match', 'include', 'outcome'])), score: opt(decimal) }, { backbone: true })),
        },
        { backbone: true },
      ),
    ),
  },
  {
    invariants: [
      { key: 'bdl-1', human: 'total only when a search or history', holds: (b) => b.total === undefined || b.type === 'searchset' || b.type === 'history' },
      { key: 'bdl-2', human: 'entry.search only when a search', holds: (b) => b.type === 'searchset' || !(b.entry ?? []).some((e) => e.search !== undefined) },
      {
        key: 'bdl-7',
        human: 'FullUrl must be unique in a bundle',
        holds: (b) => new Set((b.entry ?? []).map((e) => e.fullUrl)).size === (b.entry ?? []).length,
      },
    ],
  },
);
