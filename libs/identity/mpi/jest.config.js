module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'identity-mpi',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
