import { SetMetadata } from '@nestjs/common';
import type { Role } from './roles';

export const ROLES_KEY = 'carechain:auth:roles';

/**
 * The principal needs at least one of these roles (else 403). On a class it applies
 * to every handler; a handler's own @Roles replaces the class's. Routes without
 * @Roles only need a valid token.
 */
export const Roles = (...roles: [Role, ...Role[]]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, Object.freeze([...roles]));
