/** Words demo people and companies are made of. */
import type { Rng } from './random';

/** The most common surnames, roughly in order of frequency. */
const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '高', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '潘', '袁', '蔡', '蒋', '余',
  '欧阳', '司马',
];

const GIVEN = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平',
  '刚', '桂英', '华', '建华', '建国', '志强', '海燕', '晓东', '晓燕', '文博', '子涵', '浩然', '雨轩', '欣怡', '梓涵', '宇航',
  '佳怡', '俊杰', '思远', '婷婷', '鹏', '辉', '斌', '宁', '凯', '琳', '颖', '倩', '亮', '飞', '雪', '慧', '玉兰', '春梅',
];

export function personName(rng: Rng): string {
  // Common surnames are drawn more often: the square skews towards the front of the list.
  const s = SURNAMES[Math.floor(rng.next() ** 2 * SURNAMES.length)];
  return s + rng.pick(GIVEN) + (rng.chance(0.35) ? rng.pick(GIVEN.filter((g) => g.length === 1)) : '');
}

/** 字号: the distinctive middle of a company name. 市场 first: 北京市场贸易有限公司 must exist. */
export const TRADE_NAMES = [
  '市场', '华信', '宏达', '恒通', '鑫源', '金桥', '博远', '嘉禾', '中联', '天诚', '瑞丰', '永盛', '华辰', '东方', '创新', '启航',
  '盛世', '佳美', '德润', '新业', '远大', '腾飞', '利民', '兴隆', '安达', '方圆', '万家', '百川', '九州', '长风', '明远', '海纳',
  '君诚', '正信', '晨光', '星辰', '云帆', '锦程', '同创', '汇智', '和泰', '宏图', '立信', '卓越', '优品', '聚源', '丰瑞', '鼎盛',
  '华美', '宝丰', '通达', '信诚', '乐家', '康泰', '蓝海', '绿源', '金鼎', '银河', '天宇', '凯旋',
];

/** Industry words, with the share of customers in each. */
export const INDUSTRIES: readonly { word: string; weight: number }[] = [
  { word: '贸易', weight: 5 },
  { word: '商贸', weight: 4 },
  { word: '科技', weight: 4 },
  { word: '实业', weight: 2 },
  { word: '办公设备', weight: 3 },
  { word: '文化用品', weight: 2 },
  { word: '电子', weight: 2 },
  { word: '物流', weight: 1.5 },
  { word: '建材', weight: 1 },
  { word: '家具', weight: 1.5 },
  { word: '信息技术', weight: 2 },
  { word: '物业管理', weight: 1.5 },
  { word: '教育咨询', weight: 1 },
  { word: '医疗器械', weight: 1 },
  { word: '餐饮管理', weight: 1 },
  { word: '园林绿化', weight: 1 },
];

export const ADDRESS_LABELS = ['总部', '仓库', '门店', '分公司', '办事处', '工厂'];

export const BUILDINGS = ['国际大厦', '商务中心', '科技园', '写字楼', '广场', '创业园', '金融中心', '大厦'];

export const ORDER_NOTES = [
  '送货前请电话联系',
  '周末不收货',
  '需开增值税专用发票',
  '请走货梯，前台签收',
  '上午送达',
  '发票随货',
  '分批送货可接受',
  '请提供送货单两联',
];

export const CUSTOM_REQUIREMENTS = [
  '桌面尺寸定制 1800×900，胡桃木色',
  '纸箱印刷公司 LOGO，单色',
  '椅子统一加装头枕',
  '绿植需配白色陶瓷盆并上门摆放',
  '文件柜需加装密码锁',
  '工位屏风高度 1200，灰色布面',
];
