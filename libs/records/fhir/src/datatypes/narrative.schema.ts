// Narrative (Resource.text) and Meta (Resource.meta).
import { z } from 'zod';
import { Coding } from './coding.schema';
import { element } from './element';
import { attribute, many, opt } from './field';
import { canonical, codeFrom, id, instant, uri } from './primitive.schema';

const XHTML_ROOT = /^\s*<div\b[^>]*\sxmlns\s*=\s*(["'])http:\/\/www\.w3\.org\/1999\/xhtml\1[^>]*>[\s\S]*<\/div>\s*$/;
// txt-1: the narrative SHALL contain only the basic html formatting elements and
// attributes: no active content, no document-level elements.
const FORBIDDEN_ELEMENT = /<\s*(script|form|iframe|frame|frameset|object|embed|applet|base|link|meta|style|head|body|html)\b/i;
const EVENT_ATTRIBUTE = /\son[a-z]+\s*=/i;

const xhtml = z
  .string()
  .min(1, { error: 'empty strings are not allowed in FHIR JSON: omit the element instead', abort: true })
  .refine((v) => XHTML_ROOT.test(v), {
    error: 'Narrative.div SHALL be a <div> element in the XHTML namespace (xmlns="http://www.w3.org/1999/xhtml")',
    params: { fhir: 'value' },
    abort: true,
  })
  .refine((v) => !FORBIDDEN_ELEMENT.test(v) && !EVENT_ATTRIBUTE.test(v), {
    error: 'txt-1: the narrative SHALL contain only basic html formatting elements and attributes (no scripts, forms, frames or event handlers)',
    params: { fhir: 'invariant' },
  })
  .refine((v) => /<img\b/i.test(v) || v.replace(/<[^>]*>/g, '').trim().length > 0, {
    error: 'txt-2: the narrative SHALL have some non-whitespace content',
    params: { fhir: 'invariant' },
  });

export const Narrative = element({
  status: codeFrom(['generated', 'extensions', 'additional', 'empty']),
  div: attribute(xhtml),
});

export const Meta = element({
  versionId: opt(id),
  lastUpdated: opt(instant),
  source: opt(uri),
  profile: many(canonical),
  security: many(Coding),
  tag: many(Coding),
});
