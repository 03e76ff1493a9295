module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'claims-adjudication',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
