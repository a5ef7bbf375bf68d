import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { Loading } from '../../components/feedback/loading';
import { useSession } from '../../features/auth/api/get-session';
import { LoginForm } from '../../features/auth/components/login-form';
import { safeReturnPath } from '../../lib/session/paths';
import { useDocumentTitle } from '../../hooks/use-document-title';
import './login.css';

export function LoginRoute() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const returnTo = safeReturnPath(searchParams.get('suite'));
  useDocumentTitle(t('auth.login.title'));

  if (session.data) return <Navigate to={returnTo} replace />;

  return (
    <div className="auth-layout">
      <main className="auth-card" id="main">
        <p className="wordmark wordmark--large">
          <span className="wordmark__mark" aria-hidden="true" />
          <span className="wordmark__text">{t('app.name')}</span>
        </p>
        <p className="auth-card__tagline">{t('app.tagline')}</p>
        <h1 className="auth-card__title">{t('auth.login.title')}</h1>
        {session.isPending ? (
          <Loading />
        ) : (
          <LoginForm onSuccess={() => void navigate(returnTo, { replace: true })} />
        )}
        <p className="auth-card__help muted">{t('auth.login.help')}</p>
        <p className="auth-card__help">
          <Link to="/public">{t('auth.login.publicSite')}</Link>
        </p>
      </main>
    </div>
  );
}
