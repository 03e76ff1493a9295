import { canonicalContext, type EncryptionContext, encryptionContextAad, MAX_CONTEXT_BYTES } from './encryption-context';
import { CryptoErrorCode } from './crypto.error';

describe('canonicalContext', () => {
  it('sorts entries by name, so insertion order does not matter', () => {
    expect(canonicalContext({ version: '1', patientId: 'p', use: 'data-key' })).toBe('[["patientId","p"],["use","data-key"],["version","1"]]');
    expect(canonicalContext({ b: '2', a: '1' })).toBe(canonicalContext({ a: '1', b: '2' }));
  });

  it('keeps contexts that a naive join would confuse apart', () => {
    const contexts: EncryptionContext[] = [{ a: 'b,c' }, { 'a,b': 'c' }, { a: 'b', c: '' }, { 'a=b': '' }, { a: '"' }, { a: '\\"' }];
    const texts = contexts.map(canonicalContext);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it.each<[string, unknown]>([
    ['an empty context', {}],
    ['a number value', { version: 1 }],
    ['an undefined value', { version: undefined }],
    ['an empty name', { '': 'x' }],
    ['an array', ['a']],
    ['null', null],
  ])('refuses %s', (_case, context) => {
    expect(() => canonicalContext(context as EncryptionContext)).toThrow(expect.objectContaining({ code: CryptoErrorCode.BadInput }));
  });

  it('refuses a context beyond the size limit', () => {
    expect(() => canonicalContext({ big: 'x'.repeat(MAX_CONTEXT_BYTES) })).toThrow(expect.objectContaining({ code: CryptoErrorCode.BadInput }));
    expect(() => canonicalContext({ ok: 'x'.repeat(MAX_CONTEXT_BYTES - 100) })).not.toThrow();
  });

  it('gives the AAD as the UTF-8 of the canonical text', () => {
    expect(encryptionContextAad({ name: 'Zoë' }).toString('utf8')).toBe('[["name","Zoë"]]');
  });
});
