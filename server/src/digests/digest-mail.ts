import type { DigestFrequency, InfoTopic } from '@coupole/shared';
import type { Mail } from '../mail/mail.service';

export interface DigestItem {
  id: string;
  title: string;
  federation: string | null;
  topics: InfoTopic[];
  toDiscuss: boolean;
}

const TOPIC_LABELS: Record<InfoTopic, string> = {
  sociale: 'sociale',
  politique: 'politique',
  reglementaire: 'réglementaire',
  juridique: 'juridique',
  financiere: 'financière',
  economique: 'économique',
  pedagogique: 'pédagogique',
  ethique: 'éthique',
};

/** The digest e-mail, plain text in French: one line per info with its link. */
export function digestMail(to: string, frequency: Exclude<DigestFrequency, 'none'>, items: readonly DigestItem[], baseUrl: string): Mail {
  const period = frequency === 'daily' ? 'depuis hier' : 'cette semaine';
  const count = items.length === 1 ? '1 nouvelle info' : `${items.length} nouvelles infos`;
  const lines = items.map((item) => {
    const from = item.federation ? item.federation.toUpperCase() : 'Secrétariat';
    const topics = item.topics.map((topic) => TOPIC_LABELS[topic]).join(', ');
    const flag = item.toDiscuss ? ' — à discuter' : '';
    return `- ${item.title} (${from} ; ${topics})${flag}\n  ${baseUrl}/veille/${item.id}`;
  });
  return {
    to,
    subject: `Veille de la Coupole : ${count} ${period}`,
    text: [
      `Bonjour,`,
      '',
      `Voici ${count === '1 nouvelle info' ? 'la nouvelle info partagée' : 'les nouvelles infos partagées'} ${period} dans la veille de la Coupole :`,
      '',
      ...lines,
      '',
      `Pour changer la fréquence de ce courriel : ${baseUrl}/veille (Résumé par courriel).`,
    ].join('\n'),
  };
}
