import type { Amount, IsoDateTime } from './webhook-payloads.js';

/** Webhook bodies about money (PLATFORM.md §5.2): expenses, invoices, billable and cost rates. */

/** EXPENSE_CREATED, EXPENSE_RESTORED: the expense itself. */
export interface ExpensePayload {
  id: string;
  workspaceId: string;
  userId: string;
  date: IsoDateTime;
  projectId: string | null;
  taskId?: string | null;
  categoryId: string;
  notes: string;
  quantity: number;
  billable: boolean;
  fileId: string;
  /** In the currency's minor unit as Clockify reports it (the samples: quantity 22 → total 220000). */
  total: number;
  locked?: boolean;
}

/** EXPENSE_UPDATED, EXPENSE_DELETED: ids only. */
export interface ExpenseChangePayload {
  workspaceId: string;
  expenseId: string;
  userId: string;
  projectId: string | null;
  categoryId: string;
}

export interface InvoiceItem {
  order: number;
  quantity: number;
  description: string;
  unitPrice: number;
  amount: number;
  itemType: string | null;
  timeEntryIds: string[];
}

/** NEW_INVOICE, INVOICE_UPDATED. The body names no workspace: the delivery's token does. */
export interface InvoicePayload {
  id: string;
  number: string;
  status: 'UNSENT' | 'SENT' | 'PAID' | 'PARTIALLY_PAID' | 'VOID' | 'OVERDUE' | (string & {});
  issuedDate: IsoDateTime;
  dueDate: IsoDateTime;
  subtotal: number;
  discount: number;
  tax: number;
  tax2: number;
  discountAmount: number;
  taxAmount: number;
  tax2Amount: number;
  amount: number;
  currency: string;
  subject: string;
  note: string;
  clientId: string;
  clientName: string;
  clientAddress: string;
  userId: string;
  items: InvoiceItem[];
}

/** BILLABLE_RATE_UPDATED, COST_RATE_UPDATED: a rate changed on a workspace, project or membership. */
export interface RatePayload {
  workspaceId: string;
  rateChangeSource: 'WORKSPACE' | 'PROJECT' | 'PROJECT_MEMBER' | 'WORKSPACE_MEMBER' | (string & {});
  modifiedEntity: {
    userId?: string;
    targetId?: string;
    hourlyRate?: Amount | null;
    costRate?: Amount | null;
    membershipType?: string;
    membershipStatus?: string;
  };
  currency: { id: string; code: string };
  amount: number;
  since: IsoDateTime;
}
