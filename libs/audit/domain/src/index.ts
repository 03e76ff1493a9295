export * from './audit-trail.projection';
export * from './audit-trail.reader';
export * from './receipt.projection';
export * from './audit-details';
export * from './read-audit-trail.use-case';
