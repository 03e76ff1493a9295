module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'shared-auth',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
