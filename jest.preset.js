// Shared Jest settings: SWC transpiles (decorator metadata included, so Nest DI
// works in tests) and the "@carechain/source" export condition makes every
// @carechain/* import resolve to the lib's TypeScript source, not its dist.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const swc = JSON.parse(readFileSync(join(__dirname, '.swcrc'), 'utf8'));
delete swc.$schema;

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.[tj]s$': ['@swc/jest', { ...swc, swcrc: false }] },
  // jose, @noble (under fabric-gateway) and other ESM-only packages are transpiled to CommonJS for Jest.
  transformIgnorePatterns: ['/node_modules/(?!(jose|@noble)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  testEnvironmentOptions: { customExportConditions: ['@carechain/source', 'node', 'require', 'default'] },
  clearMocks: true,
};
