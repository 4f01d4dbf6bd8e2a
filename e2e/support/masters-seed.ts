import { usccCheckChar } from '../../src/shared/validators/uscc';
import { PASSWORD, type RunningDesk } from './app';

/**
 * Master data for the master-data screens, written through the desk's own HTTP API (the local API
 * integrations use), as the admin. Used when demo.load brings nothing: a desk that already has
 * customers is left as it is.
 */
export interface MastersSeed {
  customers: number;
  products: number;
}

type Call = <T>(name: string, input: unknown) => Promise<T>;

export async function apiSession(desk: RunningDesk, username = 'admin', password = PASSWORD): Promise<Call> {
  const token = new URL(desk.url).searchParams.get('token')!;
  const post = async <T>(name: string, input: unknown, session?: string): Promise<T> => {
    const res = await fetch(`http://127.0.0.1:${desk.port}/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, ...(session ? { 'X-Desk-Session': session } : {}) },
      body: JSON.stringify(input),
    });
    const body = (await res.json()) as { ok: boolean; result: T; error?: unknown };
    if (!body.ok) throw new Error(`${name}: ${JSON.stringify(body.error)}`);
    return body.result;
  };
  const { sessionId } = await post<{ sessionId: string }>('auth.login', { username, password });
  return (name, input) => post(name, input, sessionId);
}

/** A valid unified social credit code from a 17-character body (check character appended). */
const uscc = (body: string) => body + usccCheckChar(body);

const REGIONS = [
  ['EAST', '华东'],
  ['NORTH', '华北'],
  ['SOUTH', '华南'],
  ['WEST', '西南'],
  ['CENTRAL', '华中'],
] as const;

const COMPANIES: [string, string, string, string, string, string][] = [
  // name, region, province, city, district, street
  ['北京市场贸易有限公司', 'NORTH', '北京市', '北京市', '朝阳区', '建国路 88 号 SOHO 现代城 2 号楼 1203'],
  ['杭州西湖电子有限公司', 'EAST', '浙江省', '杭州市', '西湖区', '文三路 478 号华星时代广场 A 座 8 楼'],
  ['上海浦江机电设备有限公司', 'EAST', '上海市', '上海市', '闵行区', '莘庄工业区申富路 318 号'],
  ['广州天河五金制品厂', 'SOUTH', '广东省', '广州市', '天河区', '天河北路 233 号中信广场 1806'],
  ['深圳南山科技有限公司', 'SOUTH', '广东省', '深圳市', '南山区', '科技园南区高新南七道 12 号'],
  ['苏州工业园区精密机械有限公司', 'EAST', '江苏省', '苏州市', '工业园区', '星湖街 328 号创意产业园 6 幢'],
  ['南京秦淮建材有限公司', 'EAST', '江苏省', '南京市', '秦淮区', '中山南路 1 号南京中心 22 楼'],
  ['宁波港城物流有限公司', 'EAST', '浙江省', '宁波市', '北仑区', '新碶街道明州路 399 号'],
  ['无锡太湖电气有限公司', 'EAST', '江苏省', '无锡市', '滨湖区', '蠡湖大道 2008 号'],
  ['成都锦江商贸有限公司', 'WEST', '四川省', '成都市', '锦江区', '红星路三段 1 号国际金融中心 2 号楼'],
  ['武汉光谷仪器有限公司', 'CENTRAL', '湖北省', '武汉市', '洪山区', '光谷大道 77 号金融港 B4 栋'],
  ['重庆两江汽配有限公司', 'WEST', '重庆市', '重庆市', '渝北区', '金渝大道 68 号'],
  ['天津滨海化工有限公司', 'NORTH', '天津市', '天津市', '滨海新区', '第三大街 51 号'],
  ['青岛海润水务设备有限公司', 'NORTH', '山东省', '青岛市', '崂山区', '株洲路 153 号'],
  ['厦门鹭岛包装材料有限公司', 'SOUTH', '福建省', '厦门市', '湖里区', '枋湖北二路 1509 号'],
  ['合肥庐阳办公用品有限公司', 'EAST', '安徽省', '合肥市', '庐阳区', '濉溪路 278 号财富广场'],
  ['长沙岳麓工程机械有限公司', 'CENTRAL', '湖南省', '长沙市', '岳麓区', '麓谷大道 627 号'],
  ['郑州中原轴承有限公司', 'CENTRAL', '河南省', '郑州市', '金水区', '花园路 39 号'],
  ['西安曲江电子有限公司', 'WEST', '陕西省', '西安市', '雁塔区', '雁南五路 1868 号'],
  ['济南泉城五金交电有限公司', 'NORTH', '山东省', '济南市', '历下区', '泺源大街 150 号'],
];
const PEOPLE: [string, string, string, string, string][] = [
  ['王小明', '上海市', '上海市', '浦东新区', '张杨路 500 号 15 楼 1502 室'],
  ['李娜', '浙江省', '杭州市', '拱墅区', '莫干山路 100 号 3 单元 502'],
  ['张建国', '江苏省', '南京市', '鼓楼区', '汉中路 89 号'],
];
const CONTACTS = ['张伟', '陈静', '刘洋', '杨帆', '赵敏', '黄磊', '周婷', '吴刚', '徐丽', '孙浩', '马超', '朱琳', '胡军', '郭颖', '何平', '高峰', '林涛', '罗佳', '梁晨', '宋阳'];

const PRODUCTS: [string, string, string, string, string, number, Record<string, unknown>?][] = [
  // sku, name, spec, unit, category, list price (fen)
  ['A100-1', '不锈钢螺丝', 'M6×20', '盒', '五金', 1250, { barcode: '6901234567001' }],
  ['A100-2', '不锈钢螺丝', 'M8×30', '盒', '五金', 1880, { barcode: '6901234567002' }],
  ['A100-3', '不锈钢螺母', 'M8', '盒', '五金', 960],
  ['A110-1', '膨胀螺栓', 'M10×100', '盒', '五金', 4200],
  ['A120-1', '六角扳手套装', '9 件 1.5–10mm', '套', '工具', 3580],
  ['B200-1', '工业胶带', '48mm×50m', '卷', '耗材', 650, { barcode: '6901234567003' }],
  ['B200-2', '双面胶带', '24mm×10m', '卷', '耗材', 420],
  ['B210-1', '打包带', 'PP 15mm×1000m', '卷', '耗材', 5600],
  ['B220-1', '气泡膜', '1.2m×100m', '卷', '包装', 8800],
  ['B230-1', '瓦楞纸箱', '五层 60×40×40cm', '个', '包装', 780],
  ['C300-1', '液压千斤顶', '5T', '台', '工具', 45800],
  ['C300-2', '液压千斤顶', '10T', '台', '工具', 68800],
  ['C310-1', '手动叉车', '3T 宽叉', '台', '搬运', 238000],
  ['C320-1', '电动螺丝刀', '12V 锂电', '把', '工具', 29900],
  ['C330-1', '角磨机', '100mm 850W', '台', '工具', 26800],
  ['D400-1', '交流接触器', 'CJX2-1810 220V', '只', '电气', 5600],
  ['D400-2', '交流接触器', 'CJX2-3210 380V', '只', '电气', 9800],
  ['D410-1', '小型断路器', 'DZ47-63 C32 2P', '只', '电气', 3200],
  ['D420-1', '中间继电器', 'MY4NJ 24VDC', '只', '电气', 1850],
  ['D430-1', '按钮开关', 'LA38-11 绿', '只', '电气', 680],
  ['D440-1', '电缆', 'RVV 3×2.5 平方', '米', '电气', 720],
  ['E500-1', '劳保手套', '丁腈浸胶 L 号', '双', '劳保', 450],
  ['E510-1', '安全帽', 'ABS 国标 白色', '顶', '劳保', 2800],
  ['E520-1', '防护眼镜', '防冲击 透明', '副', '劳保', 1500],
  ['F600-1', '润滑脂', '锂基 2# 15kg', '桶', '油品', 38000],
  ['F610-1', '液压油', '46# 18L', '桶', '油品', 42000],
  ['M900-1', '定制控制柜', '按图定制', '台', '设备', 1280000, { makeToOrder: true, bomNote: '柜体 ×1；PLC ×1；交流接触器 ×6；中间继电器 ×8' }],
  ['M910-1', '定制输送线', '按图定制 每米', '米', '设备', 560000, { makeToOrder: true, bomNote: '型材、链条、电机按长度配' }],
];

export async function seedMasters(desk: RunningDesk): Promise<MastersSeed> {
  const call = await apiSession(desk);
  const existing = await call<{ total: number }>('customers.list', { limit: 1 });
  if (existing.total > 0) {
    const products = await call<{ total: number }>('products.list', { limit: 1 });
    return { customers: existing.total, products: products.total };
  }
  const save = async (name: string, input: unknown) => (await call<{ id: string }>(name, input)).id;

  const regions: Record<string, string> = {};
  for (const [code, name] of REGIONS) regions[code] = await save('regions.save', { code, name });
  const groups = {
    VIP: await save('priceGroups.save', { code: 'VIP', name: '重点客户' }),
    WHOLESALE: await save('priceGroups.save', { code: 'WS', name: '批发' }),
    RETAIL: await save('priceGroups.save', { code: 'RT', name: '零售' }),
  };
  const reps = [
    await save('salesReps.save', { code: 'S01', name: '李强', mobile: '13912345678', email: 'liqiang@example.cn', regionId: regions.EAST }),
    await save('salesReps.save', { code: 'S02', name: '王芳', mobile: '13698765432', regionId: regions.NORTH }),
    await save('salesReps.save', { code: 'S03', name: '陈刚', mobile: '13511112222', regionId: regions.SOUTH }),
    await save('salesReps.save', { code: 'S04', name: '刘敏', mobile: '13833334444', regionId: regions.WEST }),
  ];
  await save('carriers.save', { code: 'SF', name: '顺丰速运', phone: '400-811-1111' });
  await save('carriers.save', { code: 'DB', name: '德邦物流', phone: '400-830-5555' });
  await save('carriers.save', { code: 'ZTO', name: '中通快递', phone: '400-827-0270' });
  const WHA = await save('warehouses.save', {
    code: 'WH-A',
    name: '上海一号仓',
    regionId: regions.EAST,
    address: '上海市嘉定区兴贤路 1180 号',
    bins: ['A-01-01', 'A-01-02', 'A-01-03', 'A-02-01', 'A-02-02', 'A-03-01', 'A-03-02', 'B-01-01'],
  });
  const WHB = await save('warehouses.save', { code: 'WH-B', name: '杭州仓', regionId: regions.EAST, address: '杭州市余杭区良渚街道 8 号', bins: ['H-01-01', 'H-01-02', 'H-02-01'] });
  const WHC = await save('warehouses.save', { code: 'WH-C', name: '广州仓', regionId: regions.SOUTH, address: '广州市白云区太和镇 21 号', bins: ['G-01-01', 'G-01-02'] });

  let n = 0;
  for (const [name, region, province, city, district, street] of COMPANIES) {
    n++;
    const contact = CONTACTS[(n - 1) % CONTACTS.length];
    const mobile = `13${(800138000 + n * 7919).toString().slice(0, 9)}`;
    await save('customers.save', {
      code: `C${String(n).padStart(3, '0')}`,
      name,
      kind: 'company',
      uscc: uscc(`91${String(310000 + n * 1371).padStart(6, '0')}MA${String(1000000 + n * 7331).slice(0, 7)}`),
      regionId: regions[region],
      creditLimit: [5_000_000, 10_000_000, 20_000_000, 3_000_000][n % 4],
      paymentTermsDays: [30, 15, 45, 60][n % 4],
      priceGroupId: n % 3 === 0 ? groups.VIP : n % 3 === 1 ? groups.WHOLESALE : undefined,
      salesRepId: reps[n % reps.length],
      contacts: [{ name: contact, mobile, isPrimary: true }],
      addresses: [{ recipient: contact, phone: mobile, province, city, district, street, postcode: String(100000 + n * 3011).slice(0, 6), isDefault: true }],
    });
  }
  for (const [name, province, city, district, street] of PEOPLE) {
    n++;
    const mobile = `15${(821234567 + n * 1013).toString().slice(0, 9)}`;
    await save('customers.save', {
      code: `C${String(n).padStart(3, '0')}`,
      name,
      kind: 'person',
      contacts: [{ name, mobile, isPrimary: true }],
      addresses: [{ recipient: name, phone: mobile, province, city, district, street, isDefault: true }],
    });
  }

  const ids: Record<string, string> = {};
  for (const [sku, name, spec, unit, category, listPrice, extra] of PRODUCTS) {
    const prices = listPrice < 100_000 ? [{ priceGroupId: groups.VIP, price: Math.round(listPrice * 0.9) }, { priceGroupId: groups.WHOLESALE, price: Math.round(listPrice * 0.95) }] : [];
    ids[sku] = await save('products.save', { sku, name, spec, unit, category, listPrice, taxRateBp: 1300, prices, ...extra });
  }
  const stock = (sku: string, warehouseId: string, onHand: number, extra: Record<string, unknown> = {}) =>
    call('stock.set', { productId: ids[sku], warehouseId, onHand, ...extra });
  let i = 0;
  for (const [sku, , , , , , extra] of PRODUCTS) {
    if (extra?.makeToOrder) continue;
    i++;
    const bins = ['A-01-01', 'A-01-02', 'A-01-03', 'A-02-01', 'A-02-02', 'A-03-01', 'A-03-02', 'B-01-01'];
    // Every fifth item runs below its safety stock, so the screens show shortages.
    const onHand = i % 5 === 0 ? 8 : 40 + ((i * 37) % 260);
    await stock(sku, WHA, onHand, { safetyStock: 20, binCode: bins[i % bins.length], ...(i % 4 === 0 ? { inTransit: 100, inTransitEta: '2026-12-15' } : {}) });
    if (i % 2 === 0) await stock(sku, WHB, 20 + ((i * 13) % 90), { safetyStock: 10, binCode: ['H-01-01', 'H-01-02', 'H-02-01'][i % 3] });
    if (i % 3 === 0) await stock(sku, WHC, i % 6 === 0 ? 3 : 60, { safetyStock: 15 });
  }
  return { customers: n, products: PRODUCTS.length };
}
