module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'shared-concurrency',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
