// `npm run audit:deps`: fails when a production dependency has a known critical
// vulnerability that a fix is available for (an upgrade within range, or a major one
// npm names). Lower severities and criticals without a fix are listed, not fatal:
// nothing can be done about them in this repository but wait or replace the package.
// The registry's advisory endpoint is required in CI (CARECHAIN_AUDIT_REQUIRED=1);
// elsewhere (an offline machine, a mirror without it) the check says it was skipped.
import { spawnSync } from 'node:child_process';
import { repoRoot } from '../devnet/lib/paths.ts';

interface Vulnerability {
  readonly name: string;
  readonly severity: 'info' | 'low' | 'moderate' | 'high' | 'critical';
  readonly fixAvailable: boolean | { readonly name: string; readonly version: string; readonly isSemVerMajor: boolean };
  readonly via: readonly (string | { readonly title?: string; readonly url?: string })[];
}

interface AuditReport {
  readonly vulnerabilities?: Record<string, Vulnerability>;
  readonly metadata?: { readonly vulnerabilities?: Record<string, number> };
  readonly error?: { readonly summary?: string; readonly code?: string };
  readonly message?: string;
}

/** The vulnerabilities that fail the check: critical, with a fix. */
export function blocking(report: AuditReport): Vulnerability[] {
  return Object.values(report.vulnerabilities ?? {}).filter((v) => v.severity === 'critical' && v.fixAvailable !== false);
}

function describe(v: Vulnerability): string {
  const advisories = v.via.filter((x) => typeof x !== 'string').map((x) => `${x.title ?? ''} ${x.url ?? ''}`.trim());
  const fix = v.fixAvailable === true ? 'npm audit fix' : v.fixAvailable ? `upgrade ${v.fixAvailable.name} to ${v.fixAvailable.version}` : 'no fix yet';
  return `${v.severity} ${v.name}: ${advisories.join('; ') || `via ${v.via.join(', ')}`} (${fix})`;
}

function main(): number {
  const run = spawnSync('npm', ['audit', '--omit', 'dev', '--json'], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  let report: AuditReport;
  try {
    report = JSON.parse(run.stdout) as AuditReport;
  } catch {
    report = { message: run.stderr.trim() || 'npm audit gave no report' };
  }
  if (!report.vulnerabilities) {
    // No report: the advisory endpoint refused or could not be reached.
    const why = report.message ?? report.error?.summary ?? 'unknown error';
    if (process.env.CARECHAIN_AUDIT_REQUIRED === '1') {
      process.stderr.write(`audit:deps: the registry's audit endpoint gave no report (${why}); CARECHAIN_AUDIT_REQUIRED=1, so this fails\n`);
      return 1;
    }
    process.stdout.write(`audit:deps: SKIPPED — the registry's audit endpoint gave no report (${why}). Set CARECHAIN_AUDIT_REQUIRED=1 to fail instead.\n`);
    return 0;
  }
  const all = Object.values(report.vulnerabilities);
  for (const v of all) process.stdout.write(`  ${describe(v)}\n`);
  const failing = blocking(report);
  const counts = report.metadata?.vulnerabilities ?? {};
  process.stdout.write(
    `audit:deps: ${all.length} vulnerable production packages (${
      Object.entries(counts)
        .filter(([k, n]) => k !== 'total' && n > 0)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ') || 'none'
    }); ${failing.length} critical with a fix available\n`,
  );
  return failing.length > 0 ? 1 : 0;
}

process.exitCode = main();
