// Waiting for a replica or a read model to catch up with something this very
// request (or one just before it) caused — a patient registered a moment ago, a
// record just written: bounded, by polling, since neither offers a notification.
import { setTimeout as sleep } from 'node:timers/promises';

// Well below a projection's fetch wait (100 ms), so a wait ends soon after the data lands.
const POLL_INTERVAL_MS = 20;

/** Calls `probe` until it returns a value other than undefined, for at most `timeoutMs` (at least once); undefined if it never does. */
export async function pollUntil<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    const left = deadline - Date.now();
    if (left <= 0) return undefined;
    await sleep(Math.min(POLL_INTERVAL_MS, left));
  }
}
