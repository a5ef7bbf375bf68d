import { Link } from 'react-router';
import type { Info } from '../api/get-infos';
import { InfoByline } from './info-byline';

/** One info in a list: title (link), who shared it and when, topics, flags. */
export function InfoCard({ info }: { info: Info }) {
  return (
    <article className="info-card" aria-labelledby={`info-${info.id}`}>
      <h2 id={`info-${info.id}`} className="info-card__title">
        <Link to={`/veille/${info.id}`}>{info.title}</Link>
      </h2>
      <InfoByline info={info} />
    </article>
  );
}
