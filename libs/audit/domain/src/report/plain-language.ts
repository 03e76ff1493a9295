// The words a patient reads in their access report: purposes of use, bases and data
// categories said plainly, not as codes.

const PURPOSES: Readonly<Record<string, string>> = {
  TREAT: 'your treatment',
  ETREAT: 'emergency treatment',
  HPAYMT: 'payment of your care',
  HOPERAT: 'running the practice (healthcare operations)',
  HRESCH: 'research',
  PATRQT: 'your own request',
  PUBHLTH: 'public health',
};

const CATEGORIES: Readonly<Record<string, string>> = {
  conditions: 'conditions',
  allergies: 'allergies',
  medications: 'medications',
  observations: 'test results and observations',
  encounters: 'visits',
  appointments: 'appointments',
  communications: 'letters and messages',
  billing: 'billing items',
  demographics: 'personal details',
};

export function purposeWords(code: unknown): string {
  return typeof code === 'string' ? (PURPOSES[code] ?? code) : 'an unstated purpose';
}

export function categoryWords(codes: unknown): string {
  const list = (Array.isArray(codes) ? codes : [codes]).filter((c): c is string => typeof c === 'string').map((c) => CATEGORIES[c] ?? c);
  if (list.length === 0) return 'your records';
  return list.length === 1 ? list[0]! : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
}

export function recordsWords(n: unknown): string {
  return typeof n === 'number' ? `${n} record${n === 1 ? '' : 's'}` : 'records';
}
