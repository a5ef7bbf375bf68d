import { splitMentions } from '../lib/mentions';

export function CommentBody({ body }: { body: string }) {
  return (
    <p className="comment__body">
      {splitMentions(body).map((segment, index) =>
        segment.kind === 'mention' ? (
          <span key={index} className="comment__mention">
            {segment.text}
          </span>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </p>
  );
}
