import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../../api/hooks';
import { useKeys } from '../../../app/keyboard';
import { PrintPortal, printNow } from '../../../print/PrintPortal';
import { OrderConfirmation } from './OrderConfirmation';

/**
 * The order confirmation on screen as it will print (body.print-preview): P or Enter prints,
 * Esc closes. While it is open, only these keys work.
 */
export function PrintPreview({ orderId, onClose }: { orderId: string; onClose(): void }) {
  const { t } = useTranslation();
  const detail = useQuery('orders.get', { id: orderId });
  const settings = useQuery('settings.get', {});
  useEffect(() => {
    document.body.classList.add('print-preview');
    const previous = document.activeElement as HTMLElement | null;
    previous?.blur();
    return () => {
      document.body.classList.remove('print-preview');
      previous?.focus?.();
    };
  }, []);
  const ready = !!(detail.data && settings.data);
  useKeys(
    [
      { key: 'p', label: 'orders.print.key.print', run: () => ready && printNow(), inInputs: true },
      { key: 'P', run: () => ready && printNow(), inInputs: true },
      { key: 'Enter', run: () => ready && printNow(), inInputs: true },
      { key: 'Ctrl+P', run: () => ready && printNow(), inInputs: true },
      { key: 'Escape', label: 'orders.print.key.close', run: onClose, inInputs: true },
    ],
    { modal: true },
  );
  return (
    <PrintPortal paper="A4">
      <div className="o-print-bar no-print" role="status">
        {t('orders.print.preview')}
      </div>
      {ready ? <OrderConfirmation detail={detail.data!} settings={settings.data!} /> : <div className="sheet">{t('common.loading')}</div>}
    </PrintPortal>
  );
}
