// The access alert rules, evaluated on each records.access.v1 decision as it flows:
//  - break-glass: every permitted emergency access;
//  - restricted-patient: a staff read of a patient on the restricted list (a staff
//    member, a public figure), permitted or not;
//  - many-patients: one user reading `count` distinct patients within `windowMs`;
//  - repeated-denials: one user refused `count` times within `windowMs`.
// Windows run on event time, so a replay raises what the live run raised. A window
// rule fires when its count reaches the threshold, once per crossing.
import { createHash } from 'node:crypto';
import type { AccessAlertRaisedV1, AccessAlertRule, AccessDecidedV1 } from '@carechain/contracts';
import type { AlertWindowStore } from './alert-window.store.port';

export interface WindowRule {
  /** 0 turns the rule off. */
  readonly count: number;
  readonly windowMs: number;
}

export interface AlertThresholds {
  readonly breakGlass: boolean;
  readonly manyPatients: WindowRule;
  readonly repeatedDenials: WindowRule;
  /** Patient ids whose every staff read raises an alert. */
  readonly restrictedPatients: ReadonlySet<string>;
}

/** The access as the rules see it: the decision and its event's id and time. */
export interface ObservedAccess {
  readonly eventId: string;
  readonly time: string;
  readonly data: AccessDecidedV1;
}

// Enough patients to name who was read without making an alert a bulk export of ids.
const MAX_PATIENTS_NAMED = 1000;

/** A UUID fixed by the rule and the access: a redelivered access raises the same alert id. */
export function alertIdOf(rule: AccessAlertRule, accessEventId: string): string {
  const h = createHash('sha256').update(`${rule}\u0000${accessEventId}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

export class AccessAlertRules {
  constructor(
    private readonly windows: AlertWindowStore,
    private readonly thresholds: AlertThresholds,
  ) {}

  async evaluate(access: ObservedAccess): Promise<AccessAlertRaisedV1[]> {
    const d = access.data;
    // The patient reading their own record is not an access to watch.
    if (d.basis === 'patient' || d.actor.subject === d.patientId) return [];
    const alerts: AccessAlertRaisedV1[] = [];
    const single = (rule: AccessAlertRule) => alerts.push(this.alert(rule, access, [d.patientId], access.time, 1, 1));
    if (this.thresholds.breakGlass && d.breakGlass && d.decision === 'permit') single('break-glass');
    if (this.thresholds.restrictedPatients.has(d.patientId)) single('restricted-patient');
    const actorKey = `${d.actor.organisation}:${d.actor.subject}`;
    const time = Date.parse(access.time);
    const many = this.thresholds.manyPatients;
    if (many.count > 0 && d.decision === 'permit') {
      const w = await this.windows.add(`patients:${actorKey}`, d.patientId, time, many.windowMs);
      if (w.added && w.count === many.count) alerts.push(await this.windowAlert('many-patients', `patients:${actorKey}`, access, w.count, many.count));
    }
    const denials = this.thresholds.repeatedDenials;
    if (denials.count > 0 && d.decision === 'deny') {
      const w = await this.windows.add(`denials:${actorKey}`, `${d.patientId}|${access.eventId}`, time, denials.windowMs);
      if (w.added && w.count === denials.count) alerts.push(await this.windowAlert('repeated-denials', `denials:${actorKey}`, access, w.count, denials.count));
    }
    return alerts;
  }

  private async windowAlert(rule: AccessAlertRule, window: string, access: ObservedAccess, count: number, threshold: number): Promise<AccessAlertRaisedV1> {
    const { members, earliest } = await this.windows.members(window, MAX_PATIENTS_NAMED);
    const patients = [...new Set(members.map((m) => m.split('|')[0]!))];
    return this.alert(
      rule,
      access,
      patients.length > 0 ? patients : [access.data.patientId],
      new Date(earliest ?? Date.parse(access.time)).toISOString(),
      count,
      threshold,
    );
  }

  private alert(
    rule: AccessAlertRule,
    access: ObservedAccess,
    patientIds: readonly string[],
    from: string,
    count: number,
    threshold: number,
  ): AccessAlertRaisedV1 {
    return {
      alertId: alertIdOf(rule, access.eventId),
      rule,
      actor: access.data.actor,
      patientIds: [...patientIds],
      accessEventId: access.eventId,
      window: { from: new Date(from).toISOString(), to: new Date(access.time).toISOString() },
      count,
      threshold,
    };
  }
}
