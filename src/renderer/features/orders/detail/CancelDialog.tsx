import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, useMutation } from '../../../api/hooks';
import { DialogKeys } from '../entry/dialogs';
import { toast } from '../../../app/toasts';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { TextField } from '../../../ui/Field';

/** Cancel with a reason (required); Enter confirms, Esc keeps the order. */
export function CancelDialog({ order, onClose }: { order: { id: string; number: string; rowVersion: number }; onClose(): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const cancel = useMutation('orders.cancel');
  const run = async () => {
    try {
      await cancel.run({ id: order.id, rowVersion: order.rowVersion, reason });
      toast.success(t('orders.detail.cancelled.toast', { number: order.number }));
      onClose();
    } catch {
      // The error shows at the field or above it.
    }
  };
  const errors = fieldErrors(cancel.error);
  return (
    <Dialog
      title={t('orders.detail.cancelTitle', { number: order.number })}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose} keyHint="Esc">
            {t('common.close')}
          </Button>
          <Button variant="danger" onClick={() => void run()} disabled={cancel.busy} keyHint="Enter">
            {t('orders.detail.cancelConfirm')}
          </Button>
        </>
      }
    >
      <DialogKeys bindings={[{ key: 'Enter', run: () => void run(), inInputs: true }]} />
      {cancel.error && !errors.reason ? <p className="form-error">{cancel.error.message}</p> : null}
      <TextField label={t('orders.detail.cancelReason')} value={reason} onChange={setReason} error={errors.reason} required maxLength={500} />
    </Dialog>
  );
}
