import { canonicalGivenNames, nicknamePairCount, nicknamesOf } from './nickname.table';

describe('canonicalGivenNames', () => {
  it.each([
    ['bob', 'robert'],
    ['bill', 'william'],
    ['liz', 'elizabeth'],
    ['peggy', 'margaret'],
    ['maggie', 'margaret'],
    ['jack', 'john'],
    ['dick', 'richard'],
    ['trish', 'patricia'],
    ['sally', 'sarah'],
    ['chuck', 'charles'],
  ])('maps the nickname %p to %p', (nickname, canonical) => {
    expect(canonicalGivenNames(nickname)).toEqual([nickname, canonical]);
  });

  it('keeps every name a nickname may stand for', () => {
    expect(canonicalGivenNames('al')).toEqual(['al', 'alan', 'albert', 'alexander', 'alfred']);
    expect(canonicalGivenNames('harry')).toEqual(['harry', 'harold', 'henry']);
  });

  it('leaves a name that is no nickname alone', () => {
    expect(canonicalGivenNames('robert')).toEqual(['robert']);
    expect(canonicalGivenNames('xiomara')).toEqual(['xiomara']);
  });

  it('makes two nicknames of one name meet (Bob and Rob)', () => {
    expect(canonicalGivenNames('bob')).toContain('robert');
    expect(canonicalGivenNames('rob')).toContain('robert');
  });
});

describe('the table', () => {
  it('holds at least 150 pairs, all folded', () => {
    expect(nicknamePairCount()).toBeGreaterThanOrEqual(150);
    for (const name of ['robert', 'margaret', 'elizabeth', 'william']) {
      expect(nicknamesOf(name).length).toBeGreaterThan(2);
      nicknamesOf(name).forEach((n) => expect(n).toMatch(/^[a-z]+$/));
    }
  });
});
