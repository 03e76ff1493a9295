import { ChaincodeStub } from 'fabric-shim';
import { FakeWorldState } from './fake-world-state';

// The consent contract's keys come from createCompositeKey; the fake must build the
// very keys fabric-shim builds, or a spec could pass against a layout no peer uses.
describe('FakeTransaction.createCompositeKey', () => {
  const fake = new FakeWorldState().begin(new Date(0));
  const real = (objectType: string, attributes: string[]): string => ChaincodeStub.prototype.createCompositeKey.call({}, objectType, attributes);

  it.each([
    ['consent.grant', ['0b9d6a52-7c1e-4f3a-9d2b-5e8f1a6c3b70']],
    ['consent.grant', []],
    ['a', ['b', 'c/d', 'é']],
  ])('builds %p %p as fabric-shim does', (objectType, attributes) => {
    expect(fake.createCompositeKey(objectType, attributes)).toBe(real(objectType, attributes));
  });

  it.each([
    ['', ['x']],
    ['t', ['']],
  ])('refuses an empty part like fabric-shim (%p %p)', (objectType, attributes) => {
    expect(() => real(objectType, attributes)).toThrow('object type or attribute not a non-zero length string');
    expect(() => fake.createCompositeKey(objectType, attributes)).toThrow('object type or attribute not a non-zero length string');
  });
});
