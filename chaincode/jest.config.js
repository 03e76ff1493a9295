module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'chaincode',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
