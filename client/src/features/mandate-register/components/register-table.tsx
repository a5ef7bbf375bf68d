import { useTranslation } from 'react-i18next';

/** The header row of the register's tables; the secretariat's last column holds the row's buttons. */
export function RegisterHead({ columns, withActions }: { columns: string[]; withActions: boolean }) {
  const { t } = useTranslation();
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col">
            {column}
          </th>
        ))}
        {withActions ? (
          <th scope="col">
            <span className="visually-hidden">{t('mandateRegister.columns.actions')}</span>
          </th>
        ) : null}
      </tr>
    </thead>
  );
}

/** A row's button: `label` names the row for assistive tech ("Modifier l’instance CESE Wallonie"). */
export function RowButton({ text, label, onClick, danger = false }: { text: string; label: string; onClick: () => void; danger?: boolean }) {
  return (
    <button type="button" className={`button button--small ${danger ? 'button--danger-outline' : 'button--secondary'}`} onClick={onClick} aria-label={label}>
      {text}
    </button>
  );
}
