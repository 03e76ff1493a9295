// How a contract refuses, and how a client recognises which refusal it got.
// fabric-contract-api hands `error.message` to the client as the endorsement failure
// (wrapped in the gateway's own text), so the code leads the message: `CODE: detail`.

/** The message a contract throws: the code first, so clients can find it in any wrapping. */
export function refusalMessage(code: string, detail: string): string {
  return `${code}: ${detail}`;
}

/** The first of `codes` that `text` (a gateway error's message and details) names as a refusal, or undefined. */
export function refusalIn<C extends string>(text: string, codes: readonly C[]): C | undefined {
  return codes.find((code) => new RegExp(`\\b${code}:`).test(text));
}
