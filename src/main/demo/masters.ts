/**
 * Demo master data as plain objects: regions, sales reps, carriers, price groups, warehouses with
 * bins, customers with contacts and addresses, products with group prices, and stock. Pure and
 * deterministic: the same seed and options give the same objects (ids included).
 */
import { pinyin } from 'pinyin-pro';
import { pinyinInitials } from '../../shared/search/pinyin';
import { CATEGORIES, type CatalogItem } from './catalog';
import { ean13Check, makeLandline, makeMobile, makeUscc } from './codes';
import { ADDRESS_LABELS, BUILDINGS, INDUSTRIES, TRADE_NAMES, personName } from './names';
import { CITIES, REGIONS, WAREHOUSE_FOR_REGION, type City, type RegionCode } from './places';
import { Rng, Weighted } from './random';

export const DAY_MS = 86_400_000;

export interface DemoRegion {
  id: string;
  code: RegionCode;
  name: string;
}

export interface DemoSalesRep {
  id: string;
  code: string;
  name: string;
  mobile: string;
  email: string;
  regionId: string;
}

export interface DemoCarrier {
  id: string;
  code: string;
  name: string;
  phone: string;
}

export interface DemoPriceGroup {
  id: string;
  code: string;
  name: string;
  /** Price as a share of list, in bp. */
  shareBp: number;
  orderType: 'retail' | 'wholesale';
}

export interface DemoWarehouse {
  id: string;
  code: string;
  name: string;
  regionId: string;
  address: string;
  bins: { id: string; code: string }[];
}

export interface DemoContact {
  id: string;
  name: string;
  mobile: string;
  landline: string | null;
  email: string | null;
  isPrimary: boolean;
}

export interface DemoAddress {
  id: string;
  label: string;
  recipient: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  street: string;
  postcode: string;
  isDefault: boolean;
}

export type PayerKind = 'good' | 'slow' | 'bad';

export interface DemoCustomer {
  id: string;
  code: string;
  name: string;
  pinyin: string;
  uscc: string;
  regionId: string;
  regionCode: RegionCode;
  creditLimit: number;
  paymentTermsDays: number;
  priceGroup: number;
  salesRepId: string;
  email: string | null;
  notes: string | null;
  contacts: DemoContact[];
  addresses: DemoAddress[];
  /** Index of the warehouse that serves the customer. */
  warehouse: number;
  /** Share of orders (Pareto: a fifth of the customers give most of them). */
  weight: number;
  payer: PayerKind;
  createdAt: string;
}

export interface DemoProduct {
  id: string;
  sku: string;
  name: string;
  pinyin: string;
  spec: string;
  unit: string;
  category: string;
  listPrice: number;
  taxRateBp: number;
  barcode: string;
  makeToOrder: boolean;
  bomNote: string | null;
  group: string;
  /** Largest usual quantity on one line. */
  qtyMax: number;
  /** Relative popularity. */
  weight: number;
  /** Price per price group (same order as MasterData.priceGroups), fen. */
  prices: number[];
  /** Bin per warehouse (same order as MasterData.warehouses). */
  bins: string[];
}

export interface DemoStock {
  product: number;
  warehouse: number;
  onHand: number;
  inTransit: number;
  inTransitEta: string | null;
  safetyStock: number;
  binCode: string;
}

export interface DemoUser {
  id: string;
  username: string;
  displayName: string;
  role: 'clerk' | 'approver' | 'warehouse' | 'manager';
}

export interface MasterData {
  regions: DemoRegion[];
  salesReps: DemoSalesRep[];
  carriers: DemoCarrier[];
  priceGroups: DemoPriceGroup[];
  warehouses: DemoWarehouse[];
  customers: DemoCustomer[];
  products: DemoProduct[];
  stock: DemoStock[];
  users: DemoUser[];
  /** When the master rows were created (ISO). */
  createdAt: string;
}

export interface MasterOptions {
  customers: number;
  /** Expected orders per day, to size stock. */
  ordersPerDay: number;
  /** The "now" of the data set (ms). */
  asOf: number;
}

export const DEMO_USERS: readonly Omit<DemoUser, 'id'>[] = [
  { username: 'clerk', displayName: '张敏', role: 'clerk' },
  { username: 'approver', displayName: '李强', role: 'approver' },
  { username: 'warehouse', displayName: '王磊', role: 'warehouse' },
  { username: 'manager', displayName: '陈静', role: 'manager' },
];

const WAREHOUSES = [
  { code: 'WH-SH', name: '上海一号仓', region: 'HD', address: '上海市浦东新区康桥东路 1288 号' },
  { code: 'WH-BJ', name: '北京仓', region: 'HB', address: '北京市大兴区亦庄经济技术开发区科创十三街 29 号' },
  { code: 'WH-GZ', name: '广州仓', region: 'HN', address: '广州市白云区太和镇广州北站物流园 B 区' },
  { code: 'WH-CD', name: '成都仓', region: 'XN', address: '成都市双流区西航港大道 2699 号' },
] as const;

/** Storage zone of each category in every warehouse. */
const ZONE: Record<string, string> = { JJ: 'A', BG: 'B', DN: 'C', SB: 'C', HC: 'D', QJ: 'E', LB: 'E', LZ: 'F', HP: 'F', BZ: 'G', CS: 'H' };
const ZONES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
const AISLES = 12;
const LEVELS = 4;

const CARRIERS = [
  { code: 'SF', name: '顺丰速运', phone: '400-811-1111' },
  { code: 'JD', name: '京东物流', phone: '400-603-3600' },
  { code: 'DBL', name: '德邦快递', phone: '400-830-5555' },
  { code: 'ZTO', name: '中通快递', phone: '400-827-0270' },
  { code: 'YTO', name: '圆通速递', phone: '400-609-5554' },
  { code: 'YD', name: '韵达快递', phone: '400-821-6789' },
  { code: 'EMS', name: '中国邮政 EMS', phone: '400-818-3183' },
];

const PRICE_GROUPS = [
  { code: 'LS', name: '零售', shareBp: 10_000, orderType: 'retail' as const },
  { code: 'PF', name: '批发', shareBp: 9_200, orderType: 'wholesale' as const },
  { code: 'DKH', name: '大客户', shareBp: 8_500, orderType: 'wholesale' as const },
];

const REP_REGIONS: RegionCode[] = ['HD', 'HD', 'HD', 'HB', 'HB', 'HN', 'HN', 'HZ', 'XN', 'XB', 'DB', 'GAT'];

function fullPinyin(text: string): string {
  return pinyin(text, { toneType: 'none', separator: '', nonZh: 'removed', v: true }).toLowerCase();
}

/** A price that looks like one: 1,299 / 359 / 68.5 / 6.5 yuan, in fen. */
export function nicePrice(yuan: number): number {
  if (yuan >= 1000) return (Math.round(yuan / 100) * 100 - 1) * 100;
  if (yuan >= 100) return (Math.round(yuan / 10) * 10 - 1) * 100;
  if (yuan >= 10) return Math.round(yuan * 2) * 50;
  return Math.max(10, Math.round(yuan * 10) * 10);
}

function streetAddress(rng: Rng, city: City): string {
  const street = rng.pick(city.streets);
  const no = rng.int(1, 999);
  if (rng.chance(0.6)) {
    const floor = rng.int(2, 32);
    return `${street}${no}号${rng.pick(BUILDINGS)}${floor}层${floor}${String(rng.int(1, 20)).padStart(2, '0')}室`;
  }
  return `${street}${no}号${rng.int(1, 12)}栋${rng.int(1, 6)}单元${rng.int(101, 1808)}室`;
}

function buildCustomers(rng: Rng, opts: MasterOptions, regions: DemoRegion[], reps: DemoSalesRep[], createdMs: number): DemoCustomer[] {
  const cities = new Weighted(CITIES, CITIES.map((c) => c.weight));
  const industries = new Weighted(INDUSTRIES, INDUSTRIES.map((i) => i.weight));
  const regionId = new Map(regions.map((r) => [r.code, r.id]));
  const warehouseIndex = (region: RegionCode) => WAREHOUSES.findIndex((w) => w.code === WAREHOUSE_FOR_REGION[region]);
  const names = new Set<string>();
  // Pareto: rank customers at random, weight 1/rank^1.15 (the top fifth gives about 80% of orders).
  const ranks = rng.shuffle(Array.from({ length: opts.customers }, (_, i) => i));
  const out: DemoCustomer[] = [];
  for (let i = 0; i < opts.customers; i++) {
    let city: City;
    let name: string;
    let trade: string;
    // The first customer is the one the docs and tests name: 北京市场贸易有限公司 (bjscmyyxgs).
    if (i === 0) {
      city = CITIES.find((c) => c.short === '北京')!;
      trade = '市场';
      name = '北京市场贸易有限公司';
    } else {
      do {
        city = cities.draw(rng);
        trade = rng.pick(TRADE_NAMES);
        const suffix = rng.chance(0.2) ? '股份有限公司' : '有限公司';
        name = `${city.short}${trade}${industries.draw(rng).word}${suffix}`;
      } while (names.has(name));
    }
    names.add(name);
    const rank = ranks[i];
    const weight = 1 / (rank + 1) ** 1.15;
    // The biggest buyers are key accounts, the next ones wholesale, the long tail retail.
    const share = rank / opts.customers;
    const priceGroup = share < 0.1 ? 2 : share < 0.4 ? 1 : rng.chance(0.1) ? 1 : 0;
    const terms = priceGroup === 2 ? rng.pick([60, 90, 60]) : priceGroup === 1 ? rng.pick([30, 45, 30]) : rng.pick([0, 0, 15, 30]);
    const district = rng.pick(city.districts);
    const domain = `${fullPinyin(trade)}${fullPinyin(city.short).slice(0, 2)}.com`;
    const payerRoll = rng.next();
    const payer: PayerKind = payerRoll < 0.03 ? 'bad' : payerRoll < 0.12 ? 'slow' : 'good';
    const regionCode = city.region;
    const regionReps = reps.filter((r) => r.regionId === regionId.get(regionCode));

    const contacts: DemoContact[] = [];
    const nContacts = rng.int(1, 3);
    for (let k = 0; k < nContacts; k++) {
      const person = personName(rng);
      contacts.push({
        id: rng.uuid7(createdMs),
        name: person,
        mobile: makeMobile(rng),
        landline: city.area && rng.chance(0.6) ? makeLandline(rng, city.area) : null,
        email: rng.chance(0.3) ? `${fullPinyin(person)}@${domain}` : null,
        isPrimary: k === 0,
      });
    }
    const addresses: DemoAddress[] = [];
    const nAddresses = rng.int(1, 3);
    for (let k = 0; k < nAddresses; k++) {
      // A second address is often a branch or warehouse in another city of the same region.
      const where = k === 0 || rng.chance(0.5) ? city : rng.pick(CITIES.filter((c) => c.region === city.region));
      const dist = k === 0 ? district : rng.pick(where.districts);
      const contact = rng.pick(contacts);
      addresses.push({
        id: rng.uuid7(createdMs),
        label: k === 0 ? '总部' : rng.pick(ADDRESS_LABELS.slice(1)),
        recipient: contact.name,
        phone: contact.landline && rng.chance(0.3) ? contact.landline : contact.mobile,
        province: where.province,
        city: where.city,
        district: dist.name,
        street: streetAddress(rng, where),
        postcode: dist.postcode,
        isDefault: k === 0,
      });
    }
    const baseLimit = [50_000, 300_000, 2_000_000][priceGroup] * rng.int(5, 15) * 10; // fen
    out.push({
      id: rng.uuid7(createdMs),
      code: `C${String(i + 1).padStart(3, '0')}`,
      name,
      pinyin: pinyinInitials(name),
      uscc: makeUscc(rng, district.division),
      regionId: regionId.get(regionCode)!,
      regionCode,
      creditLimit: terms === 0 ? 0 : baseLimit,
      paymentTermsDays: terms,
      priceGroup,
      salesRepId: (regionReps.length ? rng.pick(regionReps) : reps[0]).id,
      email: rng.chance(0.5) ? `info@${domain}` : null,
      notes: rng.chance(0.1) ? rng.pick(['月结客户，对账单每月 5 日前寄出', '收货需提前一天预约', '只收增值税专用发票', '年度框架协议客户']) : null,
      contacts,
      addresses,
      warehouse: warehouseIndex(regionCode),
      weight,
      payer,
      createdAt: new Date(createdMs + i * 60_000).toISOString(),
    });
  }
  return out;
}

interface ExpandedItem {
  item: CatalogItem;
  spec: string;
  specIndex: number;
  brand: string | null;
  brandIndex: number;
}

function buildProducts(rng: Rng, priceGroups: DemoPriceGroup[], createdMs: number): DemoProduct[] {
  const out: DemoProduct[] = [];
  let serial = 0;
  for (const cat of CATEGORIES) {
    const expanded: ExpandedItem[] = [];
    for (const item of cat.items) {
      const brands = item.brands ?? [null];
      brands.forEach((brand, brandIndex) => item.specs.forEach((spec, specIndex) => expanded.push({ item, spec, specIndex, brand, brandIndex })));
    }
    if (expanded.length > 99) throw new RangeError(`category ${cat.prefix} has more than 99 products`);
    // Within a category a few products sell far more than the rest (a Zipf curve over a shuffle).
    const ranks = rng.shuffle(expanded.map((_, i) => i));
    expanded.forEach((e, i) => {
      serial++;
      const brandFactor = e.brand ? 0.9 + 0.12 * e.brandIndex + rng.next() * 0.1 : 1;
      const listPrice = nicePrice(e.item.price * (1 + 0.18 * e.specIndex) * brandFactor);
      const name = `${e.brand ?? ''}${e.item.name}`;
      const first12 = `692${String(100 + CATEGORIES.indexOf(cat)).slice(1)}${String(serial).padStart(7, '0')}`;
      const mto = Boolean(e.item.mto);
      out.push({
        id: rng.uuid7(createdMs),
        sku: `${cat.prefix}${String(i + 1).padStart(2, '0')}`,
        name,
        pinyin: pinyinInitials(name),
        spec: e.spec,
        unit: e.item.unit,
        category: cat.name,
        listPrice,
        taxRateBp: e.item.tax ?? cat.tax,
        barcode: first12 + ean13Check(first12),
        makeToOrder: mto,
        bomNote: mto ? (e.item.tax === 600 ? '服务项目：按次 / 按期安排，不占库存' : '按客户图纸生产：板材、五金、封边条；交期约 15 个工作日') : null,
        group: e.item.group,
        qtyMax: e.item.qty,
        weight: (cat.weight / (ranks[i] + 1) ** 0.9) * (mto ? 0.15 : 1),
        prices: priceGroups.map((g) => Math.round((listPrice * g.shareBp) / 10_000)),
        bins: WAREHOUSES.map(
          (_, w) => `${ZONE[cat.prefix] ?? rng.pick(ZONES)}-${String(1 + ((i + w) % AISLES)).padStart(2, '0')}-${1 + ((i >> 2) % LEVELS)}`,
        ),
      });
    });
  }
  return out;
}

/** Mean of the quantity distribution orders draw from (see orders.ts quantity()). */
export function meanQuantity(qtyMax: number): number {
  return 1 + (qtyMax - 1) * 0.3;
}

function buildStock(rng: Rng, opts: MasterOptions, products: DemoProduct[], customers: DemoCustomer[], warehouses: DemoWarehouse[]): DemoStock[] {
  const totalProductWeight = products.reduce((s, p) => s + p.weight, 0);
  const totalCustomerWeight = customers.reduce((s, c) => s + c.weight, 0);
  const warehouseShare = warehouses.map((_, w) => customers.filter((c) => c.warehouse === w).reduce((s, c) => s + c.weight, 0) / totalCustomerWeight);
  const linesPerDay = opts.ordersPerDay * 3.2;
  const out: DemoStock[] = [];
  products.forEach((p, pi) => {
    if (p.makeToOrder) return;
    warehouses.forEach((_, w) => {
      // Expected units per day of this product from this warehouse.
      const daily = Math.max(0.05, (linesPerDay * p.weight * meanQuantity(p.qtyMax) * Math.max(0.05, warehouseShare[w])) / totalProductWeight);
      const safetyStock = Math.max(2, Math.round(daily * rng.int(7, 14)));
      const roll = rng.next();
      let onHand: number;
      if (roll < 0.03) onHand = 0;
      else if (roll < 0.1) onHand = Math.round(daily * rng.next() * 1.5); // short: below safety stock
      else onHand = Math.max(safetyStock + 1, Math.round(daily * rng.int(20, 60)));
      const restocking = roll < 0.1 ? rng.chance(0.7) : rng.chance(0.12);
      const inTransit = restocking ? Math.max(1, Math.round(daily * rng.int(10, 30))) : 0;
      out.push({
        product: pi,
        warehouse: w,
        onHand,
        inTransit,
        inTransitEta: inTransit ? new Date(opts.asOf + rng.int(2, 20) * DAY_MS).toISOString().slice(0, 10) : null,
        safetyStock,
        binCode: p.bins[w],
      });
    });
  });
  return out;
}

export function buildMasters(seed: Rng, opts: MasterOptions): MasterData {
  const rng = seed.fork('masters');
  // Master rows predate the order history by a month.
  const createdMs = opts.asOf - 400 * DAY_MS;
  const createdAt = new Date(createdMs).toISOString();
  const regions: DemoRegion[] = REGIONS.map((r) => ({ id: rng.uuid7(createdMs), code: r.code, name: r.name }));
  const regionId = new Map(regions.map((r) => [r.code, r.id]));
  const salesReps: DemoSalesRep[] = REP_REGIONS.map((region, i) => {
    const name = personName(rng);
    return {
      id: rng.uuid7(createdMs),
      code: `S${String(i + 1).padStart(2, '0')}`,
      name,
      mobile: makeMobile(rng),
      email: `${fullPinyin(name)}@orderdesk.example.cn`,
      regionId: regionId.get(region)!,
    };
  });
  const carriers: DemoCarrier[] = CARRIERS.map((c) => ({ id: rng.uuid7(createdMs), ...c }));
  const priceGroups: DemoPriceGroup[] = PRICE_GROUPS.map((g) => ({ id: rng.uuid7(createdMs), ...g }));
  const warehouses: DemoWarehouse[] = WAREHOUSES.map((w) => ({
    id: rng.uuid7(createdMs),
    code: w.code,
    name: w.name,
    regionId: regionId.get(w.region)!,
    address: w.address,
    bins: ZONES.flatMap((z) =>
      Array.from({ length: AISLES }, (_, a) => Array.from({ length: LEVELS }, (_, l) => `${z}-${String(a + 1).padStart(2, '0')}-${l + 1}`)).flat(),
    ).map((code) => ({ id: rng.uuid7(createdMs), code })),
  }));
  const customers = buildCustomers(rng.fork('customers'), opts, regions, salesReps, createdMs);
  const products = buildProducts(rng.fork('products'), priceGroups, createdMs);
  const stock = buildStock(rng.fork('stock'), opts, products, customers, warehouses);
  const users: DemoUser[] = DEMO_USERS.map((u) => ({ id: rng.uuid7(createdMs), ...u }));
  return { regions, salesReps, carriers, priceGroups, warehouses, customers, products, stock, users, createdAt };
}
