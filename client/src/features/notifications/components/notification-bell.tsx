import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { formatDate } from '../../../lib/dates';
import { useLive } from '../../../lib/live/use-live';
import { notificationKeys } from '../../../lib/api/query-keys';
import { useNotifications, type Notification } from '../api/get-notifications';
import { useMarkAllNotificationsRead, useMarkNotificationRead } from '../api/mark-read';
import { notificationTarget } from '../lib/notification-list';
import '../notifications.css';

/**
 * The bell in the header: the unread count, and a panel listing the notifications. New ones
 * arrive on `/live` (`notification`, sent to the person only); a reconnection refetches.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const notifications = useNotifications();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const [open, setOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  useLive({ notification: refresh }, { onResync: refresh });

  useEffect(() => setOpen(false), [location.pathname]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const unread = notifications.data?.unread ?? 0;
  const items = notifications.data?.items ?? [];

  function follow(notification: Notification) {
    if (!notification.readAt) markRead.mutate(notification.id);
    const target = notificationTarget(notification);
    setOpen(false);
    if (target) void navigate(target);
  }

  return (
    <div className="notification-bell" ref={container}>
      <button
        ref={button}
        type="button"
        className="notification-bell__button"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        aria-label={unread > 0 ? t('notifications.buttonUnread', { count: unread }) : t('notifications.button')}
        onClick={() => setOpen((value) => !value)}
      >
        <svg className="notification-bell__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path d="M12 3a6 6 0 0 0-6 6v3.6L4.3 15.4A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.6L18 12.6V9a6 6 0 0 0-6-6Zm0 19a3 3 0 0 0 2.8-2H9.2A3 3 0 0 0 12 22Z" />
        </svg>
        {unread > 0 ? (
          <span className="notification-bell__count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      <span className="visually-hidden" role="status">
        {unread > 0 ? t('notifications.buttonUnread', { count: unread }) : ''}
      </span>
      {open ? (
        <div id={`${id}-panel`} className="notification-panel" role="region" aria-labelledby={`${id}-title`}>
          <div className="notification-panel__header">
            <h2 id={`${id}-title`} className="notification-panel__title">
              {t('notifications.title')}
            </h2>
            {unread > 0 ? (
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={markAll.isPending}
                onClick={() => markAll.mutate()}
              >
                {t('notifications.markAll')}
              </button>
            ) : null}
          </div>
          {notifications.isError ? <ErrorAlert error={notifications.error} onRetry={refresh} /> : null}
          {markAll.error ? <ErrorAlert error={markAll.error} /> : null}
          {items.length === 0 && !notifications.isError ? (
            <p className="muted notification-panel__empty">{t('notifications.empty')}</p>
          ) : (
            <ul className="notification-panel__list">
              {items.map((notification) => (
                <li key={notification.id} className={notification.readAt ? 'notification' : 'notification notification--unread'}>
                  <button type="button" className="notification__open" onClick={() => follow(notification)}>
                    <span className="notification__title">
                      {notification.readAt ? null : <span className="visually-hidden">{t('notifications.unread')}</span>}
                      {notification.title}
                    </span>
                    <span className="notification__body">{notification.body}</span>
                    <time className="notification__time" dateTime={notification.createdAt}>
                      {formatDate(notification.createdAt)}
                    </time>
                  </button>
                  {notification.readAt ? null : (
                    <button
                      type="button"
                      className="button button--secondary button--small notification__read"
                      aria-label={t('notifications.markReadLabel', { title: notification.title })}
                      onClick={() => markRead.mutate(notification.id)}
                    >
                      {t('notifications.markRead')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}
