// What tools/test/run.ts hands the end-to-end specs: its private infrastructure.
export function testEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run end-to-end specs through \`npm test\` (tools/test/run.ts), which starts the test infrastructure`);
  return value;
}
