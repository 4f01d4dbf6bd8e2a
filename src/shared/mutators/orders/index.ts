export { saveDraft, storedPhone, type SaveDraftArgs, type SaveDraftResult, type SavedLine } from './save-draft';
export { submitOrder, type SubmitArgs, type SubmitResult } from './submit';
export { cancelOrder, type CancelArgs, type CancelResult } from './cancel';
export { toDocument, loadOrder, assertRowVersion, linesDigest, headerForAudit, type OrderRow, type OrderLineRow } from './records';
