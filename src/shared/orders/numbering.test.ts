import { describe, expect, it } from 'vitest';
import {
  fixedOffsetMinutes,
  formatOrderNumber,
  localDate,
  localDayStartUtc,
  orderCounterName,
  parseOrderNumber,
} from './numbering';

describe('order numbering', () => {
  it('takes the calendar day in the desk time zone, not UTC', () => {
    // 23:59:59 and 00:00:00 in Shanghai (UTC+8).
    expect(localDate('2026-11-27T15:59:59.999Z', 'Asia/Shanghai')).toBe('2026-11-27');
    expect(localDate('2026-11-27T16:00:00.000Z', 'Asia/Shanghai')).toBe('2026-11-28');
    expect(localDate('2026-11-27T16:00:00.000Z', 'UTC')).toBe('2026-11-27');
    expect(localDate('2026-12-31T16:30:00.000Z', '+08:00')).toBe('2027-01-01');
    expect(localDate('2026-03-01T02:00:00.000Z', 'UTC-05:00')).toBe('2026-02-28');
  });

  it('uses an explicit zone (never the machine zone) for zones with daylight saving', () => {
    // New York is UTC-4 in July and UTC-5 in January.
    expect(localDate('2026-07-01T03:30:00Z', 'America/New_York')).toBe('2026-06-30');
    expect(localDate('2026-07-01T04:30:00Z', 'America/New_York')).toBe('2026-07-01');
    expect(localDate('2026-01-01T04:30:00Z', 'America/New_York')).toBe('2025-12-31');
    // An unknown zone falls back to the product default (Shanghai) instead of refusing an order.
    expect(localDate('2026-11-27T16:00:00Z', 'Mars/Olympus_Mons')).toBe('2026-11-28');
  });

  it('knows fixed offsets without Intl', () => {
    expect(fixedOffsetMinutes('Asia/Shanghai')).toBe(480);
    expect(fixedOffsetMinutes('UTC+5:30')).toBe(330);
    expect(fixedOffsetMinutes('-03')).toBe(-180);
    expect(fixedOffsetMinutes('Europe/Berlin')).toBeNull();
  });

  it('finds where a local day starts in UTC (for date filters)', () => {
    expect(localDayStartUtc('2026-11-28', 'Asia/Shanghai')).toBe('2026-11-27T16:00:00.000Z');
    expect(localDayStartUtc('2026-07-01', 'America/New_York')).toBe('2026-07-01T04:00:00.000Z');
    expect(localDayStartUtc('2026-01-01', 'America/New_York')).toBe('2026-01-01T05:00:00.000Z');
  });

  it('formats SO-<desk>-<yyyymmdd>-<seq>, padding to 4 digits and growing beyond', () => {
    expect(formatOrderNumber('BJ01', '20261127', 7)).toBe('SO-BJ01-20261127-0007');
    expect(formatOrderNumber('BJ01', '20261127', 9999)).toBe('SO-BJ01-20261127-9999');
    expect(formatOrderNumber('BJ01', '20261127', 10000)).toBe('SO-BJ01-20261127-10000');
    expect(orderCounterName('BJ01', '20261127')).toBe('SO-BJ01-20261127');
    expect(parseOrderNumber('SO-BJ01-20261127-10000')).toEqual({ deskCode: 'BJ01', day: '20261127', seq: 10000 });
    expect(parseOrderNumber('SO-BJ01-2026112-0001')).toBeNull();
  });
});
