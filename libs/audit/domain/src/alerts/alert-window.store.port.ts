// The sliding windows the access alert rules count over: per actor, the distinct
// patients they read, or their denials, within the last `windowMs` of event time.
// Kept in Redis (RedisAlertWindowStore) so every audit instance and a restart see the
// same windows; specs fake it.

export interface WindowCount {
  /** Whether the member was not in the window before (a new patient, a new denial). */
  readonly added: boolean;
  /** Members in the window now. */
  readonly count: number;
}

export interface AlertWindowStore {
  /** Puts `member` at `time` into window `key`, drops what fell out of it, and counts what is left. */
  add(key: string, member: string, time: number, windowMs: number): Promise<WindowCount>;
  /** The members of a window, oldest first, with the time of the oldest (up to `limit`). */
  members(key: string, limit: number): Promise<{ readonly members: readonly string[]; readonly earliest: number | undefined }>;
}
