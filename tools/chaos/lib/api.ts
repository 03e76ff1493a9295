// The runner's HTTP client: JSON in and out, a bearer token, and a timeout, so a
// request to a frozen or killed service ends as an outcome (status 0) instead of
// hanging the load.
export interface Reply<T = Record<string, unknown>> {
  /** 0 when no answer came (refused, reset, timed out). */
  readonly status: number;
  readonly body: T;
}

export async function request<T = Record<string, unknown>>(
  base: string,
  method: string,
  path: string,
  bearer: string,
  body?: unknown,
  timeoutMs = 10_000,
): Promise<Reply<T>> {
  try {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${bearer}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let parsed: unknown = {};
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      parsed = { text };
    }
    return { status: res.status, body: parsed as T };
  } catch {
    return { status: 0, body: {} as T };
  }
}

export const acknowledged = (r: Reply<unknown>) => r.status >= 200 && r.status < 300;
