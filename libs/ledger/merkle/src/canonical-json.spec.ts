import { canonicalEventBytes, canonicalJson } from './canonical-json';
import { MerkleErrorCode } from './merkle.error';

describe('canonicalJson', () => {
  it('reproduces the RFC 8785 §3.2.2 example byte for byte', () => {
    const input = JSON.parse(String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`);
    expect(canonicalJson(input)).toBe(
      String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`,
    );
  });

  it('sorts keys by UTF-16 code units as in the RFC 8785 §3.2.3 example', () => {
    const input = JSON.parse(String.raw`{"\u20ac":1,"\r":2,"\ufb33":3,"1":4,"\ud83d\ude00":5,"\u0080":6,"\u00f6":7}`);
    // Read the order off the text: JSON.parse would move the integer-like "1" first.
    const order = [...canonicalJson(input).matchAll(/"([^"]*)":/g)].map((m) => m[1]);
    expect(order).toEqual(['\\r', '1', '\u0080', 'ö', '€', '😀', '\ufb33']);
  });

  it('gives the same text whatever order keys were inserted in, at every depth', () => {
    const a = { b: 1, a: { y: [3, { q: 1, p: 2 }], x: null }, c: 'z' };
    const b = { c: 'z', a: { x: null, y: [3, { p: 2, q: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"x":null,"y":[3,{"p":2,"q":1}]},"b":1,"c":"z"}');
  });

  it('escapes exactly quote, backslash and C0 controls; everything else stays literal', () => {
    const controls = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)).join('');
    expect(canonicalJson(controls)).toBe(
      '"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f' +
        '\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f"',
    );
    expect(canonicalJson('"\\/\u007f\u2028é😀<>&')).toBe('"\\"\\\\/\u007f\u2028é😀<>&"');
  });

  it('serialises numbers the ECMAScript way', () => {
    expect(canonicalJson([-0, 1e21, 1e-7, 0.1, 100, -1.5, 2 ** 53])).toBe('[0,1e+21,1e-7,0.1,100,-1.5,9007199254740992]');
  });

  it('agrees with what a consumer parses back off the wire', () => {
    const sent = { time: new Date(Date.UTC(2025, 0, 2, 3, 4, 5, 6)), gone: undefined, list: [undefined, 1], nested: { f: () => 1 } };
    expect(canonicalJson(sent)).toBe(canonicalJson(JSON.parse(JSON.stringify(sent))));
    expect(canonicalJson(sent)).toBe('{"list":[null,1],"nested":{},"time":"2025-01-02T03:04:05.006Z"}');
  });

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { a: 1 };
    expect(canonicalJson({ x: shared, y: shared })).toBe('{"x":{"a":1},"y":{"a":1}}');
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', { n: Number.POSITIVE_INFINITY }],
    ['a BigInt', { n: 1n }],
    ['a lone high surrogate', '\ud800x'],
    ['a lone low surrogate', 'x\udc00'],
    ['a lone surrogate in a key', { '\ud800': 1 }],
    ['undefined at the top', undefined],
  ])('refuses %s', (_name, value) => {
    expect(() => canonicalJson(value)).toThrow(MerkleErrorCode.NotCanonicalizable);
  });

  it('refuses cycles', () => {
    const loop: Record<string, unknown> = { a: 1 };
    loop['self'] = loop;
    expect(() => canonicalJson(loop)).toThrow(MerkleErrorCode.NotCanonicalizable);
  });
});

describe('canonicalEventBytes', () => {
  const event = {
    specversion: '1.0',
    id: '6f1c1f7e-2b7a-4f7e-9f43-0c5d7b5b9b11',
    source: 'carechain/identity',
    type: 'carechain.identity.patient.registered.v1',
    subject: 'pat_01',
    time: '2025-01-02T03:04:05.006Z',
    datacontenttype: 'application/json',
    dataschema: 'https://carechain.dev/schemas/identity/patient/registered/v1.json',
    data: { ciphertext: 'q83vEjRW', keyId: 'k1' },
  };

  it('is the UTF-8 of the canonical JSON, independent of the envelope key order', () => {
    const reordered = Object.fromEntries(Object.entries(event).reverse());
    expect(canonicalEventBytes(reordered).equals(canonicalEventBytes(event))).toBe(true);
    expect(canonicalEventBytes(event).toString('utf8')).toBe(canonicalJson(event));
    expect(canonicalEventBytes({ s: 'é' })).toEqual(Buffer.from('{"s":"é"}', 'utf8'));
  });
});
