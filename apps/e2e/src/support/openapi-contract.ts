// Every answer the end-to-end specs get through `call` is checked against the
// answering service's own /openapi.json: a status its operation does not declare
// fails the spec that got it. The specs drive every endpoint with every role (the
// authorisation matrix) and through every refusal, so a handler that can return
// an undeclared status is found here.
interface Operation {
  readonly responses: Record<string, unknown>;
}
type Document = { readonly paths: Record<string, Record<string, Operation>> };

const documents = new Map<string, Document>();

async function documentOf(base: string): Promise<Document> {
  const known = documents.get(base);
  if (known) return known;
  const res = await fetch(`${base}/openapi.json`);
  if (!res.ok) throw new Error(`${base}/openapi.json answered ${res.status}`);
  const document = (await res.json()) as Document;
  documents.set(base, document);
  return document;
}

/** The documented path template that `path` is an instance of; literal segments win over parameters. */
export function templateOf(templates: readonly string[], path: string): string | undefined {
  const segments = path.split('/');
  const matches = templates.filter((t) => {
    const parts = t.split('/');
    return parts.length === segments.length && parts.every((p, i) => (p.startsWith('{') && p.endsWith('}') ? segments[i] !== '' : p === segments[i]));
  });
  const params = (t: string) => t.split('/').filter((p) => p.startsWith('{')).length;
  return matches.sort((a, b) => params(a) - params(b))[0];
}

/** Throws when the operation of `method path` exists in the service's document but does not declare `status`. */
export async function assertDeclaredStatus(base: string, method: string, pathAndQuery: string, status: number): Promise<void> {
  const document = await documentOf(base);
  const path = decodeURI(pathAndQuery.split('?')[0] ?? '');
  const template = templateOf(Object.keys(document.paths), path);
  const operation = template ? document.paths[template]?.[method.toLowerCase()] : undefined;
  // Not a documented operation (health, an unknown path, a wrong method): the HTTP conventions' specs cover those.
  if (!template || !operation) return;
  if (!(String(status) in operation.responses) && !('default' in operation.responses)) {
    throw new Error(
      `${method} ${template} answered ${status}, which its OpenAPI operation does not declare (declared: ${Object.keys(operation.responses).join(', ')})`,
    );
  }
}
