import type { MessageBundle } from '@shared/i18n/translate';
import { appText } from '../app/i18n';
import { authText } from '../features/auth/i18n';
import { systemText } from '../features/system/i18n';
import { mastersText } from '../features/masters/i18n';
import { ordersText } from '../features/orders/i18n';
import { approvalsText } from '../features/approvals/i18n';

/** UI text per feature; each feature owns its file. */
export const BUNDLES: MessageBundle[] = [appText, authText, systemText, mastersText, ordersText, approvalsText];
