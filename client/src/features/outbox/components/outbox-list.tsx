import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { Loading } from '../../../components/feedback/loading';
import { Pager } from '../../../components/layout/pager';
import { formatDate } from '../../../lib/dates';
import { OUTBOX_PAGE_SIZE, useOutbox } from '../api/get-outbox';
import '../outbox.css';

/** The mails kept instead of sent (no SMTP server configured), newest first, a page at a time. */
export function OutboxList() {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const outbox = useOutbox(offset);

  if (outbox.isPending) return <Loading />;
  if (outbox.isError) return <ErrorAlert error={outbox.error} onRetry={() => void outbox.refetch()} />;
  const { items, total } = outbox.data;

  return (
    <>
      <p className="toolbar__summary">{t('outbox.summary', { count: total })}</p>
      {items.length === 0 ? (
        <p className="muted">{t('outbox.empty')}</p>
      ) : (
        <ol className="outbox-list" aria-label={t('outbox.listLabel')}>
          {items.map((mail) => (
            <li key={mail.id} className="outbox-mail">
              <article aria-labelledby={`outbox-${mail.id}`}>
                <h2 id={`outbox-${mail.id}`} className="outbox-mail__subject">
                  {mail.subject}
                </h2>
                <p className="outbox-mail__meta">
                  {t('outbox.to', { to: mail.to })} · <time dateTime={mail.createdAt}>{formatDate(mail.createdAt, 'dateTime')}</time>
                </p>
                <details>
                  <summary>{t('outbox.showText')}</summary>
                  <pre className="outbox-mail__text">{mail.text}</pre>
                </details>
              </article>
            </li>
          ))}
        </ol>
      )}
      <Pager
        offset={offset}
        pageSize={OUTBOX_PAGE_SIZE}
        total={total}
        onChange={setOffset}
        labels={{
          nav: t('outbox.pages'),
          previous: t('outbox.newer'),
          next: t('outbox.older'),
          range: t('outbox.range', { from: offset + 1, to: Math.min(offset + OUTBOX_PAGE_SIZE, total), total }),
        }}
      />
    </>
  );
}
