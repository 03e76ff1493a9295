// Test support for other libs' specs, reached as '@carechain/crypto/testing'. Kept out
// of src/index.ts because it calls Jest's globals and is never built into dist.
export { describeKmsContract, type KmsContractSubject } from './kms-contract';
