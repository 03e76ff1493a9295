module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'shared-patient-keys',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
