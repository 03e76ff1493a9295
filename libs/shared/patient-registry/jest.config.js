module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'shared-patient-registry',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
