export * from './audit-trail.projection';
export * from './audit-trail.reader';
