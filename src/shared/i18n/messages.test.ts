import { describe, expect, it } from 'vitest';
import { MESSAGES, translate } from './messages';

describe('coded messages', () => {
  it('has every code in both languages', () => {
    expect(Object.keys(MESSAGES['zh-CN']).sort()).toEqual(Object.keys(MESSAGES.en).sort());
  });

  it('names roles in the reader\u2019s language, not by their ids', () => {
    expect(translate('zh-CN', 'auth.forbidden', { role: 'clerk', allowed: 'manager, admin' })).toBe(
      '您的角色（录单员）无权执行此操作；可执行的角色：经理、管理员',
    );
    expect(translate('en', 'auth.forbidden', { role: 'clerk', allowed: 'manager, admin' })).toBe(
      'Your role (clerk) may not do this; allowed: manager, admin',
    );
  });
});
