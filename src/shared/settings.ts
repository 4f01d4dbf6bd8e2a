import { z } from './zod';

/** Desk settings with their defaults. Amounts in fen, rates in basis points, windows in minutes. */
export const settingsSchema = z.object({
  companyName: z.string().max(100).default('Order Desk 示例商贸有限公司'),
  companyAddress: z.string().max(200).default(''),
  companyPhone: z.string().max(40).default(''),
  companyTaxId: z.string().max(40).default(''),
  bankAccount: z.string().max(120).default(''),
  /** 'full' survives power loss; 'normal' survives an app crash and commits faster. */
  durability: z.enum(['full', 'normal']).default('full'),
  idleTimeoutMinutes: z.number().int().min(1).max(24 * 60).default(30),
  duplicateWindowMinutes: z.number().int().min(0).max(7 * 24 * 60).default(30),
  changeWindowMinutes: z.number().int().min(0).max(30 * 24 * 60).default(120),
  /** A clerk may approve a change whose amount difference is below this (fen). */
  smallChangeLimit: z.number().int().min(0).default(50_000),
  /** A clerk may move a delivery date by up to this many days without approval. */
  smallChangeDateDays: z.number().int().min(0).max(365).default(3),
  /** Minimum paid ÷ due over the last three months, in basis points (8000 = 80%). */
  collectionRateThresholdBp: z.number().int().min(0).max(10_000).default(8_000),
  /** Count in-transit stock arriving before the promised date as available. */
  countInTransit: z.boolean().default(false),
  /** Largest order amount (fen) each role may release from hold; null = no limit. */
  approvalLimits: z
    .object({
      clerk: z.number().int().nullable().default(0),
      approver: z.number().int().nullable().default(20_000_000),
      warehouse: z.number().int().nullable().default(0),
      manager: z.number().int().nullable().default(null),
      admin: z.number().int().nullable().default(null),
    })
    .default({ clerk: 0, approver: 20_000_000, warehouse: 0, manager: null, admin: null }),
  /** Largest discount off list price (bp) each role may give. */
  discountLimitsBp: z
    .object({
      clerk: z.number().int().min(0).max(10_000).default(1_000),
      approver: z.number().int().min(0).max(10_000).default(2_000),
      warehouse: z.number().int().min(0).max(10_000).default(0),
      manager: z.number().int().min(0).max(10_000).default(5_000),
      admin: z.number().int().min(0).max(10_000).default(10_000),
    })
    .default({ clerk: 1_000, approver: 2_000, warehouse: 0, manager: 5_000, admin: 10_000 }),
  timeZone: z.string().default('Asia/Shanghai'),
  currency: z.literal('CNY').default('CNY'),
});

export type Settings = z.output<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
