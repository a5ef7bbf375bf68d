import { frenchFirstOfMonth } from '@coupole/shared';
import type { Mail } from '../mail/mail.service';

export interface InvitationMailInput {
  to: string;
  iliName: string;
  title: string;
  askedBy: string;
  closesAt: Date;
  link: string;
}

const DEADLINE = new Intl.DateTimeFormat('fr-BE', { timeZone: 'Europe/Brussels', dateStyle: 'full', timeStyle: 'short' });

/** The invitation sent at launch, plain French, with the ILI's personal link. */
export function invitationMail(input: InvitationMailInput): Mail {
  return {
    to: input.to,
    subject: `Consultation : ${input.title}`,
    text: [
      'Bonjour,',
      '',
      `${input.askedBy} consulte les ILI et aimerait connaître l’avis de ${input.iliName} : « ${input.title} ».`,
      '',
      'Répondez en quelques minutes, sans créer de compte, par ce lien personnel :',
      input.link,
      '',
      `Vous pouvez répondre jusqu’au ${frenchFirstOfMonth(DEADLINE.format(input.closesAt))}. Vos réponses sont enregistrées au fur et à mesure ; vous pouvez les modifier jusqu’à cette date.`,
      '',
      'Ce lien est propre à votre ILI : ne le transférez pas en dehors de votre équipe.',
      '',
      'Merci pour votre participation,',
      'La Coupole des ILI',
    ].join('\n'),
  };
}

/** The reminder sent 48 hours before the deadline to ILI that have not answered. */
export function reminderMail(input: InvitationMailInput): Mail {
  return {
    to: input.to,
    subject: `Rappel — consultation : ${input.title}`,
    text: [
      'Bonjour,',
      '',
      `La consultation « ${input.title} » (${input.askedBy}) se termine le ${frenchFirstOfMonth(DEADLINE.format(input.closesAt))} et nous n’avons pas encore la réponse de ${input.iliName}.`,
      '',
      'Votre lien personnel, sans compte à créer :',
      input.link,
      '',
      'Merci,',
      'La Coupole des ILI',
    ].join('\n'),
  };
}
