import { ErrorAlert } from '../../../components/feedback/error-alert';
import { Loading } from '../../../components/feedback/loading';
import { useFederations } from '../../../lib/api/federations';
import { FederationCard } from './federation-card';
import '../federations.css';

export function FederationList() {
  const federations = useFederations();

  if (federations.isPending) return <Loading />;
  if (federations.isError) {
    return <ErrorAlert error={federations.error} onRetry={() => void federations.refetch()} />;
  }
  return (
    <div className="card-grid">
      {federations.data.items.map((federation) => (
        <FederationCard key={federation.slug} federation={federation} />
      ))}
    </div>
  );
}
