// Integration specs: real Redis, Kafka and Fabric started by tools/test/run.ts.
module.exports = {
  ...require('./jest.preset.js'),
  displayName: 'integration',
  rootDir: __dirname,
  testMatch: ['<rootDir>/{apps,libs,chaincode}/**/*.int-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // A running devnet's and the test run's own state (Fabric's orderer keeps *.snap files) are not the suite's.
  modulePathIgnorePatterns: ['<rootDir>/.devnet/', '<rootDir>/tmp/'],
  testTimeout: 120_000,
};
