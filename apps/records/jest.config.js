module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'records',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
