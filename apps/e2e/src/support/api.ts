// A tiny JSON client for the services under test. Every answer is checked against
// the service's OpenAPI document (openapi-contract.ts).
import { assertDeclaredStatus } from './openapi-contract';

export interface Answer<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

export async function call<T = Record<string, unknown>>(
  base: string,
  method: string,
  path: string,
  bearer: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer<T>> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${bearer}`, ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  await assertDeclaredStatus(base, method, path, res.status);
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as T, headers: res.headers };
}
