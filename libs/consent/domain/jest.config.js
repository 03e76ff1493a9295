module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'consent-domain',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
