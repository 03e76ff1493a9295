import { AclOperationTypes as Op, AclResourceTypes as Res, ResourcePatternTypes as Pat } from 'kafkajs';
import { DATA_PLANE_ACCESS, Topics } from '@carechain/contracts';
import { aclsFor } from './kafka-acls';

// kafkajs' enums are plain objects (no reverse mapping): name the values for readable rows.
const nameOf = (e: object, v: number) => Object.entries(e).find(([, x]) => x === v)?.[0];
const rows = (service: keyof typeof DATA_PLANE_ACCESS) =>
  aclsFor(DATA_PLANE_ACCESS[service]).map(
    (a) => `${a.principal} ${nameOf(Op, a.operation)} ${nameOf(Res, a.resourceType)} ${nameOf(Pat, a.resourcePatternType)} ${a.resourceName}`,
  );

describe('aclsFor', () => {
  it('lets records write only its own topics and the dead letters of what it reads', () => {
    const writes = rows('records').filter((r) => r.includes(' WRITE '));
    expect(writes).toEqual([
      'User:records WRITE TOPIC PREFIXED records.',
      `User:records WRITE TOPIC LITERAL ${Topics.identityPatient}.dlq`,
      `User:records WRITE TOPIC LITERAL ${Topics.identityKeys}.dlq`,
      `User:records WRITE TOPIC LITERAL ${Topics.consentGrant}.dlq`,
      `User:records WRITE TOPIC LITERAL ${Topics.claimsClaim}.dlq`,
    ]);
    expect(writes.some((r) => r.endsWith(` ${Topics.identityPatient}`))).toBe(false);
  });

  it('gives every service reads of exactly what it consumes and its own group prefix', () => {
    expect(rows('consent').filter((r) => r.includes(' READ '))).toEqual([
      `User:consent READ TOPIC LITERAL ${Topics.identityPatient}`,
      `User:consent READ TOPIC LITERAL ${Topics.consentGrant}`,
      'User:consent READ GROUP PREFIXED carechain.consent.',
    ]);
  });

  it('gives audit no domain topic to write but its own alerts', () => {
    const writes = rows('audit').filter((r) => r.includes(' WRITE '));
    expect(writes.filter((r) => !r.endsWith('.dlq'))).toEqual(['User:audit WRITE TOPIC PREFIXED audit.']);
    expect(writes.some((r) => r.includes(Topics.identityPatient) && !r.endsWith('.dlq'))).toBe(false);
  });
});
