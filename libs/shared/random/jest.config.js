module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'shared-random',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
