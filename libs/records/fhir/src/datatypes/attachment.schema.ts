// Attachment and Annotation: the free-text and document carriers.
import { element } from './element';
import { choice, opt } from './field';
import { base64Binary, code, dateTime, fhirString, markdown, text, unsignedInt, url } from './primitive.schema';
import { Reference } from './reference.schema';

/** Attachment.contentType has a required binding to BCP 13 MIME types: type/subtype[; parameters]. */
const mimeType = text('code', (v) => /^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+(\s*;.*)?$/.test(v), 'a MIME type such as application/pdf');

export const Attachment = element(
  {
    contentType: opt(mimeType),
    language: opt(code),
    data: opt(base64Binary),
    url: opt(url),
    size: opt(unsignedInt),
    hash: opt(base64Binary),
    title: opt(fhirString),
    creation: opt(dateTime),
  },
  {
    invariants: [
      { key: 'att-1', human: 'if the Attachment has data, it SHALL have a contentType', holds: (a) => a.data === undefined || a.contentType !== undefined },
    ],
  },
);

export const Annotation = element({
  ...choice('author', { Reference, string: fhirString }),
  time: opt(dateTime),
  text: markdown,
});
