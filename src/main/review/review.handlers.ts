import { amendOrder } from '../../shared/mutators/review/amend';
import { decide } from '../../shared/mutators/review/decide';
import { cancelLine, closeOrder, reopenOrder } from '../../shared/mutators/review/lifecycle';
import type { PartialImplementations } from '../dispatcher/types';
import { approvalDetail, approvalQueue } from './queries';

type ReviewNames =
  | 'approvals.queue'
  | 'approvals.detail'
  | 'approvals.decide'
  | 'orders.close'
  | 'orders.reopen'
  | 'orders.cancelLine'
  | 'orders.amend';

export const reviewHandlers: PartialImplementations<ReviewNames> = {
  'approvals.queue': (ctx, input) => approvalQueue(ctx.desk.store.db, input),
  'approvals.detail': (ctx, input) => approvalDetail(ctx.desk.store.db, input.orderId, ctx.session),
  'approvals.decide': { mutate: decide },
  'orders.close': { mutate: closeOrder },
  'orders.reopen': { mutate: reopenOrder },
  'orders.cancelLine': { mutate: cancelLine },
  'orders.amend': { mutate: amendOrder },
};
