module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'claims-domain',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
