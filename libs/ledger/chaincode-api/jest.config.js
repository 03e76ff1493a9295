module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'ledger-chaincode-api',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
