import { digestMail } from './digest-mail';

describe(digestMail.name, () => {
  const item = { id: 'i1', title: 'Appel à projets', federation: 'caips', topics: ['financiere' as const, 'sociale' as const], toDiscuss: true };

  it('lists each info with its federation, topics, flag and link', () => {
    const mail = digestMail('a@example.be', 'daily', [item], 'https://coupole.example');

    expect(mail.to).toBe('a@example.be');
    expect(mail.subject).toBe('Veille de la Coupole : 1 nouvelle info depuis hier');
    expect(mail.text).toContain('- Appel à projets (CAIPS ; financière, sociale) — à discuter\n  https://coupole.example/veille/i1');
  });

  it('counts several infos of the week, the secretariat’s without a federation', () => {
    const mail = digestMail('a@example.be', 'weekly', [item, { ...item, id: 'i2', federation: null, toDiscuss: false }], 'http://x');

    expect(mail.subject).toBe('Veille de la Coupole : 2 nouvelles infos cette semaine');
    expect(mail.text).toContain('(Secrétariat ; financière, sociale)\n  http://x/veille/i2');
  });
});
