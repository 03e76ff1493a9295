import { schemaProblems } from '../testing/issues';
import * as p from './primitive.schema';

const accepts = (schema: Parameters<typeof schemaProblems>[0], value: unknown) => expect(schemaProblems(schema, value)).toEqual([]);
const rejects = (schema: Parameters<typeof schemaProblems>[0], value: unknown, code = 'value') => expect(schemaProblems(schema, value)).toEqual([['T', code]]);

describe('FHIR R4 primitives', () => {
  it.each([
    '2024',
    '2024-03',
    '2024-03-01',
    '2024-03-01T09:45:00Z',
    '2024-03-01T09:45:00.123+01:00',
    '2024-02-29',
    '2016-12-31T23:59:60Z',
    '0001-01-01',
    '2024-01-01T00:00:00-14:00',
  ])('dateTime accepts %s', (value) => accepts(p.dateTime, value));

  it.each([
    ['no time zone', '2024-03-01T09:45:00'],
    ['no seconds', '2024-03-01T09:45Z'],
    ['hour 24', '2024-03-01T24:00:00Z'],
    ['zone beyond 14:00', '2024-03-01T09:45:00+14:30'],
    ['month 13', '2024-13-01'],
    ['February 30', '2024-02-30'],
    ['29 February of a common year', '2023-02-29'],
    ['year 0000', '0000-01-01'],
    ['a day without its month', '2024--01'],
    ['a space instead of T', '2024-03-01 09:45:00Z'],
    ['a local date format', '01/03/2024'],
  ])('dateTime rejects %s', (_case, value) => rejects(p.dateTime, value));

  it('date has no time; instant always has a full time and zone', () => {
    accepts(p.date, '2024-03');
    rejects(p.date, '2024-03-01T09:45:00Z');
    accepts(p.instant, '2024-03-01T09:45:00.250Z');
    rejects(p.instant, '2024-03-01');
    rejects(p.instant, '2024-04-31T09:45:00Z');
  });

  it('time has no zone', () => {
    accepts(p.time, '23:59:59.5');
    rejects(p.time, '23:59:59Z');
    rejects(p.time, '7:30:00');
  });

  it('refuses empty strings for every string type, with one issue', () => {
    for (const schema of [p.fhirString, p.code, p.id, p.uri, p.dateTime, p.markdown, p.base64Binary]) rejects(schema, '');
  });

  it('checks id, code, uri, oid and uuid', () => {
    accepts(p.id, 'a-Z.09');
    rejects(p.id, 'has_underscore');
    rejects(p.id, 'x'.repeat(65));
    accepts(p.code, 'in progress');
    rejects(p.code, ' active');
    rejects(p.code, 'two  spaces');
    accepts(p.uri, 'urn:oid:1.2.3');
    rejects(p.uri, 'http://example.org/a b');
    accepts(p.oid, 'urn:oid:2.16.840.1.113883');
    rejects(p.oid, 'urn:oid:3.1');
    accepts(p.uuid, 'urn:uuid:c757873d-ec9a-4326-a141-556f43239520');
    rejects(p.uuid, 'urn:uuid:C757873D-EC9A-4326-A141-556F43239520');
  });

  it('allows tabs and newlines in strings but no other control characters', () => {
    accepts(p.fhirString, 'line one\r\n\tline two');
    rejects(p.fhirString, 'bell\u0007');
  });

  it('checks base64 including "/" (which the R4 regex forgets)', () => {
    accepts(p.base64Binary, 'ab/+Zg==');
    accepts(p.base64Binary, 'SGVs\n bG8=');
    rejects(p.base64Binary, 'abc');
    rejects(p.base64Binary, 'ab!d');
  });

  it('takes numbers and booleans as JSON numbers and booleans', () => {
    accepts(p.decimal, 0.1);
    rejects(p.decimal, '0.1');
    accepts(p.boolean, true);
    rejects(p.boolean, 'true');
    rejects(p.integer, '3');
  });

  it('bounds integers to 32 bits and positive/unsigned ranges', () => {
    accepts(p.integer, -2_147_483_648);
    rejects(p.integer, 2_147_483_648);
    rejects(p.integer, 1.5);
    accepts(p.unsignedInt, 0);
    rejects(p.unsignedInt, -1);
    accepts(p.positiveInt, 1);
    rejects(p.positiveInt, 0);
  });

  it('checks codes from a required value set', () => {
    const status = p.codeFrom(['draft', 'active']);
    accepts(status, 'active');
    rejects(status, 'Active', 'code-invalid');
  });

  it('reports an absent required value as missing, a null as structure', () => {
    expect(schemaProblems(p.dateTime, undefined)).toEqual([['T', 'required']]);
    expect(schemaProblems(p.dateTime, null)).toEqual([['T', 'structure']]);
  });
});
