module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'records-domain',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
