import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/client';
import { Button } from '../../../ui/Button';
import { useDrafts } from '../drafts';

interface Props {
  draftKey?: string;
  /** The form opened on an unsaved draft the clerk left earlier. */
  restored?: boolean;
  error: ApiError | null;
  /** Server field errors no field of the form shows. */
  unplaced?: string[];
}

/** Above a form: "your unsaved changes are back" (with a way to drop them) and the desk's refusal. */
export function FormNotices({ draftKey, restored, error, unplaced = [] }: Props) {
  const { t } = useTranslation();
  const drop = useDrafts((s) => s.drop);
  const [showRestored, setShowRestored] = useState(Boolean(restored));
  // A refusal about one field is already shown at that field; the banner then only says so once.
  const atField = Boolean(error?.fields.some((f) => f.message === error.message));
  return (
    <>
      {showRestored && draftKey ? (
        <div className="notice restored" role="status">
          <span>{t('masters.draftRestored')}</span>
          <Button
            variant="ghost"
            className="btn-small"
            onClick={() => {
              drop(draftKey);
              setShowRestored(false);
            }}
          >
            {t('masters.draftDiscard')}
          </Button>
        </div>
      ) : null}
      {error && (!atField || unplaced.length) ? (
        <div className="form-error" role="alert">
          {atField ? null : error.message}
          {unplaced.map((m, i) => (
            <div key={i}>{m}</div>
          ))}
        </div>
      ) : null}
    </>
  );
}
