import { useTranslation } from 'react-i18next';
import type { CSSProperties } from 'react';
import type { Federation, FederationMember } from '../../../lib/api/federations';
import '../federations.css';

function displayHost(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}

export function FederationCard({ federation }: { federation: Federation }) {
  const { t } = useTranslation();
  const headingId = `federation-${federation.slug}`;
  const titulars = federation.representatives.filter((member) => member.mandate === 'titular');
  const substitutes = federation.representatives.filter((member) => member.mandate === 'substitute');

  return (
    <article
      className="card federation-card"
      aria-labelledby={headingId}
      style={{ '--federation-colour': federation.colour } as CSSProperties}
    >
      <header className="federation-card__header">
        <h2 id={headingId} className="federation-card__name">
          {federation.name}
        </h2>
        {federation.website ? (
          <a className="federation-card__website" href={federation.website} target="_blank" rel="noopener noreferrer">
            {displayHost(federation.website)}
            <span className="visually-hidden">{t('federations.newTab')}</span>
          </a>
        ) : null}
      </header>

      <p className="federation-card__colour">
        <span className="swatch" aria-hidden="true" />
        <span>{t('federations.colour', { colour: federation.colour.toUpperCase() })}</span>
      </p>

      <MemberGroup title={t('federations.titular')} members={titulars} empty={t('federations.noTitular')} />
      <MemberGroup title={t('federations.substitutes')} members={substitutes} empty={t('federations.noSubstitutes')} />
    </article>
  );
}

interface MemberGroupProps {
  title: string;
  members: FederationMember[];
  empty: string;
}

function MemberGroup({ title, members, empty }: MemberGroupProps) {
  return (
    <section className="federation-card__group">
      <h3 className="federation-card__group-title">{title}</h3>
      {members.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="member-list">
          {members.map((member) => (
            <li key={member.id}>
              <span className="member-list__name">{member.displayName}</span>
              {member.email && (
                <a className="member-list__email" href={`mailto:${member.email}`}>
                  {member.email}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
