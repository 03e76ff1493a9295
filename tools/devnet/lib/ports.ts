// Every devnet port comes from the environment with a documented default.
// CARECHAIN_PORT_OFFSET shifts all defaults at once, which is how the test
// suite runs a second, private stack beside a developer's running one.
export function offset(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.CARECHAIN_PORT_OFFSET ?? '0';
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65_000) {
    throw new Error(`CARECHAIN_PORT_OFFSET must be an integer between 0 and 65000, got "${raw}"`);
  }
  return n;
}

/** The port named by `variable`, or `defaultPort` shifted by CARECHAIN_PORT_OFFSET. */
export function port(variable: string, defaultPort: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[variable];
  if (raw === undefined || raw === '') {
    // The bound is per port: a large offset (a third checkout's test suite) suits the stack's ports but not Jaeger's 16686.
    const shifted = defaultPort + offset(env);
    if (shifted > 65_535)
      throw new Error(`${variable}: ${defaultPort} + CARECHAIN_PORT_OFFSET ${offset(env)} is past 65535: set ${variable} or a smaller offset`);
    return shifted;
  }
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65_535) {
    throw new Error(`${variable} must be a TCP port (1-65535), got "${raw}"`);
  }
  return n;
}

export function host(env: NodeJS.ProcessEnv = process.env): string {
  return env.CARECHAIN_HOST ?? '127.0.0.1';
}
