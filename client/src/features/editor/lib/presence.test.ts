import { initials, presentUsers, textColourOn } from './presence';

const aleap = { userId: 'u-aleap', name: 'Alice Leclercq', color: '#005f8f', federation: 'aleap', federationName: 'ALEAP' };
const caips = { userId: 'u-caips', name: 'Bruno Caps', color: '#c04000', federation: 'caips', federationName: 'CAIPS' };

describe('presentUsers', () => {
  it('lists each person once even with two tabs open, the current user first', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: caips }],
      [2, { user: aleap }],
      [3, { user: caips, cursor: null }],
    ]);
    const users = presentUsers(states, 'u-caips');
    expect(users.map((user) => [user.name, user.isSelf])).toEqual([
      ['Bruno Caps', true],
      ['Alice Leclercq', false],
    ]);
  });

  it('ignores awareness states without a user (a client that has not announced itself yet)', () => {
    const states = new Map<number, Record<string, unknown>>([[1, {}], [2, { user: { name: 'x' } }], [3, { user: aleap }]]);
    expect(presentUsers(states, 'me').map((user) => user.userId)).toEqual(['u-aleap']);
  });

  it('replaces a colour that is not a hex code, so nothing odd reaches the style attribute', () => {
    const states = new Map<number, Record<string, unknown>>([[1, { user: { ...aleap, color: 'red;background:url(x)' } }]]);
    expect(presentUsers(states, 'me')[0].color).toBe('#4d5968');
  });
});

describe('initials', () => {
  it.each([
    ['Anne-Marie Dubois', 'AD'],
    ['Secrétariat de la Coupole', 'SC'],
    ['risome', 'RI'],
    ['  élise   van den Berg ', 'ÉB'],
    ['', '?'],
  ])('%s → %s', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});

describe('textColourOn', () => {
  it('picks white on dark federation colours and black on light ones', () => {
    expect(textColourOn('#1d3557')).toBe('#ffffff');
    expect(textColourOn('#f4d35e')).toBe('#000000');
    expect(textColourOn('#fff')).toBe('#000000');
  });
});
