// The stable type URIs of carechain's problem documents.
export const PROBLEM_BASE = 'https://carechain.dev/problems';

export function problemType(kind: string): string {
  return `${PROBLEM_BASE}/${kind}`;
}

/** The one type of every 403, whichever service or layer refused. */
export const FORBIDDEN_TYPE = problemType('forbidden');

/** The kinds among `types` that a README's problem table (rows of "| `kind` | …") does not list. */
export function undocumentedProblemTypes(types: readonly { readonly type: string }[], readme: string): string[] {
  return types.map((t) => t.type.slice(PROBLEM_BASE.length + 1)).filter((kind) => !readme.includes(`| \`${kind}\` |`));
}
