import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPlanBook } from './benefit-plans.file';

describe('loadPlanBook', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'plans-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (content: string) => {
    const file = join(dir, 'plans.json');
    writeFileSync(file, content);
    return file;
  };

  it('loads the development plans shipped with the service', () => {
    const book = loadPlanBook(join(__dirname, '..', 'benefit-plans.dev.json'));
    expect(book.current('payer-c', 'gold-2026')?.version).toBe(1);
  });

  it('is empty without a file (every claim then waits for a person)', () => {
    expect(loadPlanBook(undefined).list()).toEqual([]);
  });

  it('names the file and the plan that is wrong', () => {
    expect(() => loadPlanBook(write('{}'))).toThrow(/plans\.json: expected a JSON array/);
    expect(() => loadPlanBook(write('[{"planId":"x"}]'))).toThrow(/plan \[0\]: not a valid benefit plan/);
    expect(() => loadPlanBook(write('nope'))).toThrow(/plans\.json/);
  });
});
