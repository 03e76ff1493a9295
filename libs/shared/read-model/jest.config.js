module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'shared-read-model',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
