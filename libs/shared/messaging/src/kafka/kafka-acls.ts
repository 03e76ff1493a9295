// Kafka ACLs from the data-plane access table: each service's principal may
// produce only to the topics it owns and the dead letters of what it reads, consume
// only what it reads, and join only its own consumer groups. Applied by an admin
// principal (a super user); creating an ACL that exists is a no-op, so this is idempotent.
import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes, type AclEntry, type Kafka } from 'kafkajs';
import { deadLettersOf, type DataPlaneAccess } from '@carechain/contracts';

function allow(principal: string, resourceType: AclResourceTypes, resourceName: string, pattern: ResourcePatternTypes, operation: AclOperationTypes): AclEntry {
  return {
    resourceType,
    resourceName,
    resourcePatternType: pattern,
    principal: `User:${principal}`,
    host: '*',
    operation,
    permissionType: AclPermissionTypes.ALLOW,
  };
}

/** The ACL entries one service needs (READ and WRITE imply DESCRIBE). */
export function aclsFor(a: DataPlaneAccess): AclEntry[] {
  const { TOPIC, GROUP } = AclResourceTypes;
  const { LITERAL, PREFIXED } = ResourcePatternTypes;
  const { READ, WRITE } = AclOperationTypes;
  return [
    ...a.ownsTopicPrefixes.map((p) => allow(a.principal, TOPIC, p, PREFIXED, WRITE)),
    ...a.reads.map((t) => allow(a.principal, TOPIC, t, LITERAL, READ)),
    ...deadLettersOf(a).map((t) => allow(a.principal, TOPIC, t, LITERAL, WRITE)),
    allow(a.principal, GROUP, a.groupPrefix, PREFIXED, READ),
  ];
}

export async function ensureAcls(kafka: Kafka, access: readonly DataPlaneAccess[]): Promise<number> {
  const acl = access.flatMap(aclsFor);
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createAcls({ acl });
    return acl.length;
  } finally {
    await admin.disconnect();
  }
}
