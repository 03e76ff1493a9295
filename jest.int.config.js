// Integration specs: real Redis, Kafka and Fabric started by tools/test/run.ts.
module.exports = {
  ...require('./jest.preset.js'),
  displayName: 'integration',
  rootDir: __dirname,
  testMatch: ['<rootDir>/{apps,libs,chaincode}/**/*.int-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 120_000,
};
