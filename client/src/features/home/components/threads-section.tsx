import { Link } from 'react-router';
import type { HomeCommentDto } from '@coupole/shared';
import { formatDate } from '../../../lib/dates';
import { HomeSection } from './home-section';

interface ThreadsSectionProps {
  title: string;
  empty: string;
  threads: HomeCommentDto[];
}

/** Comment threads that wait for the caller (mentions, or nobody has answered). */
export function ThreadsSection({ title, empty, threads }: ThreadsSectionProps) {
  return (
    <HomeSection title={title} empty={empty} count={threads.length}>
      <ul className="home-list">
        {threads.map((thread) => (
          <li key={thread.commentId} className="home-item">
            <Link to={`/documents/${thread.documentId}`} className="home-item__link">
              {thread.documentTitle}
            </Link>
            <p className="home-item__meta">
              {thread.authorName} · {formatDate(thread.createdAt)}
            </p>
            <blockquote className="home-item__quote">{thread.excerpt}</blockquote>
          </li>
        ))}
      </ul>
    </HomeSection>
  );
}
