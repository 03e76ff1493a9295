// End-to-end specs: the built services driven over HTTP and Kafka (tools/test/run.ts).
module.exports = {
  ...require('./jest.preset.js'),
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/apps/e2e/src/**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 180_000,
};
