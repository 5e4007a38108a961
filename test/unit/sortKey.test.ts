import { compareNames, foldName, sortKey, type Named } from '../../src/domain/sortKey';

const person = (surname: string, forename: string): Named => ({ surname, forename });
const names = (list: Named[]) => list.map((p) => `${p.surname}, ${p.forename}`);

describe('filing names as the paper forms are filed', () => {
  it('sorts a realistic Year 13 list by surname, then forename', () => {
    const classList = [
      person('Smithson', 'Ella'),
      person('Nowak', 'Łukasz'),
      person('Østergaard', 'Freja'),
      person('O’Neill', 'Siobhan'),
      person('Smith', 'Zoe'),
      person('Ahmed', 'Yusuf'),
      person('McDonald', 'Callum'),
      person('Smith-Jones', 'Amy'),
      person('Élan', 'Chloé'),
      person('De La Cruz', 'Maria'),
      person('Macdonald', 'Isla'),
      person('Weiß', 'Jonas'),
      person('Delacruz', 'Ana'),
      person("O'Brien", 'Niamh'),
      person('Dean', 'Harry'),
      person('Obst', 'Lena'),
      person('smith', 'adam'),
      person('Ahmed', 'Aisha'),
      person('Weiss', 'Anna'),
      person('Elan', 'Ben'),
    ];
    expect(names([...classList].sort(compareNames))).toEqual([
      'Ahmed, Aisha',
      'Ahmed, Yusuf',
      'De La Cruz, Maria',
      'Dean, Harry',
      'Delacruz, Ana',
      'Elan, Ben',
      'Élan, Chloé',
      'Macdonald, Isla',
      'McDonald, Callum',
      'Nowak, Łukasz',
      "O'Brien, Niamh",
      'Obst, Lena',
      'O’Neill, Siobhan',
      'Østergaard, Freja',
      'smith, adam',
      'Smith, Zoe',
      'Smith-Jones, Amy',
      'Smithson, Ella',
      'Weiss, Anna',
      'Weiß, Jonas',
    ]);
  });

  it('ignores case and accents: Émile files as emile, Chloé as chloe', () => {
    expect(foldName('Émile')).toBe('emile');
    expect(sortKey('Élan', 'Chloé')).toBe(sortKey('ELAN', 'chloe'));
  });

  it.each([
    ['Weiß', 'weiss'],
    ['Ørsted', 'orsted'],
    ['Æsir', 'aesir'],
    ['Łukasz', 'lukasz'],
    ['Þór', 'thor'],
    ['Œuvre', 'oeuvre'],
    ['Đoković', 'dokovic'],
  ])('folds %s, which has no accent to strip, to %s', (name, folded) => {
    expect(foldName(name)).toBe(folded);
  });

  it('ignores apostrophes, straight or curly: O’Brien files exactly with OBrien', () => {
    expect(sortKey("O'Brien", 'Niamh')).toBe(sortKey('OBrien', 'Niamh'));
    expect(sortKey('O’Brien', 'Niamh')).toBe(sortKey('OBrien', 'Niamh'));
  });

  it('treats hyphens and spaces as a word break before any letter: Smith, Smith-Jones, Smithson', () => {
    const sorted = [person('Smithson', 'A'), person('Smith-Jones', 'A'), person('Smith', 'A')].sort(compareNames);
    expect(names(sorted)).toEqual(['Smith, A', 'Smith-Jones, A', 'Smithson, A']);
    expect(sortKey('Smith Jones', 'A')).toBe(sortKey('Smith-Jones', 'A'));
  });

  it('files every Smith before Smith-Jones, whatever their forenames', () => {
    expect(compareNames(person('Smith', 'Zoe'), person('Smith-Jones', 'Amy'))).toBeLessThan(0);
  });

  it('files "De La Cruz" word by word among the De names, not run together with Delacruz', () => {
    expect(compareNames(person('De La Cruz', 'A'), person('Dean', 'A'))).toBeLessThan(0);
    expect(compareNames(person('Dean', 'A'), person('Delacruz', 'A'))).toBeLessThan(0);
  });

  it('files Mc and Mac as spelled: Macdonald before MacIntyre before McDonald', () => {
    const sorted = [person('McDonald', 'A'), person('MacIntyre', 'A'), person('Macdonald', 'A')].sort(compareNames);
    expect(names(sorted)).toEqual(['Macdonald, A', 'MacIntyre, A', 'McDonald, A']);
  });

  it('keeps letters of other scripts and numbers, and ignores emoji', () => {
    expect(foldName('Иванова')).toBe('иванова');
    expect(foldName('محمد')).toBe('محمد');
    expect(foldName('Smith 2')).toBe('smith 2');
    expect(foldName('Ada 🚀')).toBe('ada');
  });
});

describe('the order is total and the same every time', () => {
  it('names that file alike are ordered by their exact text, so no two different names tie', () => {
    expect(compareNames(person("O'Brien", 'Niamh'), person('OBrien', 'Niamh'))).toBeLessThan(0);
    expect(compareNames(person('OBrien', 'Niamh'), person("O'Brien", 'Niamh'))).toBeGreaterThan(0);
    expect(compareNames(person('SMITH', 'Amy'), person('Smith', 'Amy'))).not.toBe(0);
  });

  it('only the very same name compares equal', () => {
    expect(compareNames(person('Smith', 'Amy'), person('Smith', 'Amy'))).toBe(0);
  });

  it('gives the same order whatever order the rows started in', () => {
    const rows = [
      person('OBrien', 'Niamh'),
      person("O'Brien", 'Niamh'),
      person('O’Brien', 'Niamh'),
      person('obrien', 'niamh'),
      person('Smith', 'Amy'),
      person('SMITH', 'AMY'),
    ];
    const once = names([...rows].sort(compareNames));
    const reversed = names([...rows].reverse().sort(compareNames));
    expect(reversed).toEqual(once);
  });

  it('copes with blank names without failing', () => {
    expect(sortKey('', '')).toBe('\u0001');
    expect(compareNames(person('', ''), person('Ahmed', 'Aisha'))).toBeLessThan(0);
  });
});
