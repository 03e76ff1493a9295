// The alert windows in memory, with the semantics RedisAlertWindowStore gets from
// Redis: a member's time is its latest, members older than the window are dropped.
import type { AlertWindowStore, WindowCount } from '../alerts/alert-window.store.port';

export class MemoryAlertWindows implements AlertWindowStore {
  readonly windows = new Map<string, Map<string, number>>();

  async add(key: string, member: string, time: number, windowMs: number): Promise<WindowCount> {
    const w = this.windows.get(key) ?? new Map<string, number>();
    const added = !w.has(member);
    w.set(member, time);
    for (const [m, t] of w) if (t < time - windowMs) w.delete(m);
    this.windows.set(key, w);
    return { added, count: w.size };
  }

  async members(key: string, limit: number): Promise<{ members: string[]; earliest: number | undefined }> {
    const sorted = [...(this.windows.get(key) ?? new Map<string, number>())].sort(([a, ta], [b, tb]) => ta - tb || (a < b ? -1 : 1)).slice(0, limit);
    return { members: sorted.map(([m]) => m), earliest: sorted[0]?.[1] };
  }
}
