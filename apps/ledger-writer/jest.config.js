module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'ledger-writer',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
