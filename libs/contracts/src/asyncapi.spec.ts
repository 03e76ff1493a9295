import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asyncApiDocument, TOPIC_EVENT_TYPES } from './asyncapi';
import { EVENT_SCHEMAS } from './registry';

describe('the published AsyncAPI document', () => {
  it('lists every event type on exactly one topic', () => {
    const mapped = Object.values(TOPIC_EVENT_TYPES).flat();
    expect([...mapped].sort()).toEqual(Object.keys(EVENT_SCHEMAS).sort());
    expect(new Set(mapped).size).toBe(mapped.length);
  });

  it('is committed as generated (run `npm run contracts:export` after changing a schema)', () => {
    const committed = JSON.parse(readFileSync(join(__dirname, '..', 'published', 'asyncapi.json'), 'utf8'));
    expect(committed).toEqual(asyncApiDocument());
  });
});
