module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'ledger-anchoring',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
