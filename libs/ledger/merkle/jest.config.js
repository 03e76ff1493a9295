module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'ledger-merkle',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
