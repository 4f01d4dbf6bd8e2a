/** Holds, decisions, change requests, confirmations and the money that feeds the credit check. */
export interface OrderHoldsTable {
  id: string;
  order_id: string;
  kind: 'credit' | 'stock' | 'custom_review' | 'change_request';
  /** Reason code, e.g. credit.overLimit; params as JSON for the readable text. */
  code: string;
  params: string;
  status: 'open' | 'released' | 'rejected' | 'superseded';
  created_at: string;
  decided_at: string | null;
  decided_by: string | null;
  comment: string | null;
  /** 1 after an approver asked for a change; the hold stays open until the order is changed. */
  awaiting_change: number;
  /** kind change_request: the request this hold stands for. */
  change_request_id: string | null;
}

export interface ApprovalDecisionsTable {
  id: string;
  order_id: string;
  hold_id: string | null;
  change_request_id: string | null;
  decision: 'release' | 'reject' | 'ask_change' | 'approve_change' | 'reject_change';
  comment: string | null;
  order_row_version: number;
  decided_at: string;
  decided_by: string;
}

export interface ChangeRequestsTable {
  id: string;
  order_id: string;
  base_revision: number;
  /** JSON of the proposed order (same shape as an amend). */
  payload: string;
  /** JSON diff for display. */
  diff: string;
  amount_delta: number;
  status: 'open' | 'approved' | 'rejected';
  requested_by: string;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  comment: string | null;
}

export interface CustomerConfirmationsTable {
  id: string;
  order_id: string;
  channel: 'phone' | 'email' | 'wechat' | 'in_person' | 'system';
  person: string;
  confirmed_at: string;
  text: string;
  recorded_by: string;
  recorded_at: string;
}

export interface SettlementsTable {
  id: string;
  number: string;
  customer_id: string;
  order_id: string | null;
  amount: number;
  paid: number;
  issued_at: string;
  due_date: string;
  status: 'open' | 'paid' | 'void';
}

export interface PaymentsTable {
  id: string;
  settlement_id: string | null;
  customer_id: string;
  amount: number;
  paid_at: string;
  reference: string | null;
}

/** Unpaid balance of a customer's open settlements (kept by triggers on settlements). */
export interface CustomerBalancesTable {
  customer_id: string;
  unpaid: number;
}

/** Per customer and due date: amount due and paid of non-void settlements (kept by triggers). */
export interface CustomerDuesTable {
  customer_id: string;
  due_date: string;
  due: number;
  paid: number;
}

export interface ReviewTables {
  order_holds: OrderHoldsTable;
  approval_decisions: ApprovalDecisionsTable;
  change_requests: ChangeRequestsTable;
  customer_confirmations: CustomerConfirmationsTable;
  settlements: SettlementsTable;
  payments: PaymentsTable;
  customer_balances: CustomerBalancesTable;
  customer_dues: CustomerDuesTable;
}
