export * from './audit-trail.projection';
export * from './audit-trail.reader';
export * from './receipt.projection';
export * from './audit-details';
