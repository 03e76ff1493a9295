module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'ledger-fabric',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
