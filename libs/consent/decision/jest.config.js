module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'consent-decision',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
