// End-to-end specs: the built services driven over HTTP and Kafka (tools/test/run.ts).
module.exports = {
  ...require('./jest.preset.js'),
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/apps/e2e/src/**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // A running devnet's and the test run's own state (Fabric's orderer keeps *.snap files) are not the suite's.
  modulePathIgnorePatterns: ['<rootDir>/.devnet/', '<rootDir>/tmp/'],
  testTimeout: 180_000,
};
