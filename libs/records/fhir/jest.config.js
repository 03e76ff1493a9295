module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'records-fhir',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
