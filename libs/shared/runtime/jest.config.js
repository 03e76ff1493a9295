module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'shared-runtime',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
