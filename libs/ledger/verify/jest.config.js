module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'ledger-verify',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
