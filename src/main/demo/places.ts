/**
 * Real places for demo addresses: sales regions, and cities with their province, districts
 * (administrative division code + postcode), telephone area code and a few real street names.
 */

export const REGIONS = [
  { code: 'HD', name: '华东' },
  { code: 'HB', name: '华北' },
  { code: 'HN', name: '华南' },
  { code: 'HZ', name: '华中' },
  { code: 'XN', name: '西南' },
  { code: 'XB', name: '西北' },
  { code: 'DB', name: '东北' },
  { code: 'GAT', name: '港澳台' },
] as const;
export type RegionCode = (typeof REGIONS)[number]['code'];

export interface District {
  name: string;
  /** GB/T 2260 division code (the USCC carries it). */
  division: string;
  postcode: string;
}

export interface City {
  province: string;
  city: string;
  /** How the city starts a company name: 北京 → 北京市场贸易有限公司. */
  short: string;
  region: RegionCode;
  /** Telephone area code; null where the mainland format does not apply (Hong Kong, Macau). */
  area: string | null;
  /** Relative number of customers. */
  weight: number;
  districts: District[];
  streets: string[];
}

const d = (name: string, division: string, postcode: string): District => ({ name, division, postcode });

export const CITIES: City[] = [
  {
    province: '北京市', city: '北京市', short: '北京', region: 'HB', area: '010', weight: 3,
    districts: [d('朝阳区', '110105', '100020'), d('海淀区', '110108', '100080'), d('东城区', '110101', '100010'), d('西城区', '110102', '100032'), d('丰台区', '110106', '100071')],
    streets: ['建国路', '中关村大街', '朝阳北路', '东三环中路', '复兴门内大街', '西直门外大街', '望京街', '丰台北路'],
  },
  {
    province: '天津市', city: '天津市', short: '天津', region: 'HB', area: '022', weight: 1,
    districts: [d('和平区', '120101', '300041'), d('南开区', '120104', '300100'), d('河西区', '120103', '300202')],
    streets: ['南京路', '卫津路', '友谊路', '黄河道', '解放北路'],
  },
  {
    province: '河北省', city: '石家庄市', short: '石家庄', region: 'HB', area: '0311', weight: 0.6,
    districts: [d('长安区', '130102', '050011'), d('桥西区', '130104', '050051')],
    streets: ['中山东路', '建设北大街', '裕华路', '槐安西路'],
  },
  {
    province: '山西省', city: '太原市', short: '太原', region: 'HB', area: '0351', weight: 0.5,
    districts: [d('小店区', '140105', '030032'), d('迎泽区', '140106', '030002')],
    streets: ['长风街', '迎泽大街', '并州路', '体育路'],
  },
  {
    province: '上海市', city: '上海市', short: '上海', region: 'HD', area: '021', weight: 3,
    districts: [d('浦东新区', '310115', '200120'), d('黄浦区', '310101', '200001'), d('徐汇区', '310104', '200030'), d('静安区', '310106', '200040'), d('闵行区', '310112', '201100')],
    streets: ['世纪大道', '南京东路', '淮海中路', '漕溪北路', '张江路', '延安西路', '虹梅路', '莘庄路'],
  },
  {
    province: '江苏省', city: '南京市', short: '南京', region: 'HD', area: '025', weight: 1.2,
    districts: [d('玄武区', '320102', '210018'), d('鼓楼区', '320106', '210009'), d('江宁区', '320115', '211100')],
    streets: ['中山路', '北京东路', '湖南路', '双龙大道', '珠江路'],
  },
  {
    province: '江苏省', city: '苏州市', short: '苏州', region: 'HD', area: '0512', weight: 1.2,
    districts: [d('姑苏区', '320508', '215000'), d('吴中区', '320506', '215100'), d('虎丘区', '320505', '215011')],
    streets: ['人民路', '干将西路', '东吴北路', '狮山路', '金鸡湖大道'],
  },
  {
    province: '浙江省', city: '杭州市', short: '杭州', region: 'HD', area: '0571', weight: 1.5,
    districts: [d('西湖区', '330106', '310013'), d('上城区', '330102', '310002'), d('滨江区', '330108', '310051')],
    streets: ['文三路', '延安路', '江南大道', '解放路', '天目山路', '网商路'],
  },
  {
    province: '浙江省', city: '宁波市', short: '宁波', region: 'HD', area: '0574', weight: 0.8,
    districts: [d('鄞州区', '330212', '315100'), d('海曙区', '330203', '315010')],
    streets: ['中山东路', '天童南路', '药行街', '四明中路'],
  },
  {
    province: '安徽省', city: '合肥市', short: '合肥', region: 'HD', area: '0551', weight: 0.7,
    districts: [d('蜀山区', '340104', '230031'), d('包河区', '340111', '230041')],
    streets: ['长江西路', '望江西路', '马鞍山路', '徽州大道'],
  },
  {
    province: '山东省', city: '济南市', short: '济南', region: 'HD', area: '0531', weight: 0.8,
    districts: [d('历下区', '370102', '250014'), d('市中区', '370103', '250001')],
    streets: ['泉城路', '经十路', '解放路', '英雄山路'],
  },
  {
    province: '山东省', city: '青岛市', short: '青岛', region: 'HD', area: '0532', weight: 0.9,
    districts: [d('市南区', '370202', '266001'), d('崂山区', '370212', '266100')],
    streets: ['香港中路', '东海西路', '海尔路', '燕儿岛路'],
  },
  {
    province: '福建省', city: '福州市', short: '福州', region: 'HD', area: '0591', weight: 0.6,
    districts: [d('鼓楼区', '350102', '350001'), d('台江区', '350103', '350004')],
    streets: ['五四路', '东街', '工业路', '江滨中大道'],
  },
  {
    province: '福建省', city: '厦门市', short: '厦门', region: 'HD', area: '0592', weight: 0.7,
    districts: [d('思明区', '350203', '361001'), d('湖里区', '350206', '361006')],
    streets: ['湖滨南路', '厦禾路', '嘉禾路', '枋湖北二路'],
  },
  {
    province: '广东省', city: '广州市', short: '广州', region: 'HN', area: '020', weight: 2,
    districts: [d('天河区', '440106', '510630'), d('越秀区', '440104', '510030'), d('海珠区', '440105', '510220'), d('白云区', '440111', '510405')],
    streets: ['天河路', '环市东路', '中山五路', '新港中路', '广州大道北', '体育西路'],
  },
  {
    province: '广东省', city: '深圳市', short: '深圳', region: 'HN', area: '0755', weight: 2.5,
    districts: [d('南山区', '440305', '518052'), d('福田区', '440304', '518033'), d('罗湖区', '440303', '518001'), d('宝安区', '440306', '518101')],
    streets: ['深南大道', '科技园路', '华强北路', '滨海大道', '宝安大道', '笋岗西路'],
  },
  {
    province: '广东省', city: '东莞市', short: '东莞', region: 'HN', area: '0769', weight: 0.9,
    districts: [d('南城街道', '441900', '523073'), d('东城街道', '441900', '523128'), d('长安镇', '441900', '523850')],
    streets: ['鸿福路', '东城中路', '莞太路', '长安大道'],
  },
  {
    province: '广东省', city: '佛山市', short: '佛山', region: 'HN', area: '0757', weight: 0.8,
    districts: [d('禅城区', '440604', '528000'), d('南海区', '440605', '528200')],
    streets: ['季华五路', '汾江中路', '桂城南海大道', '岭南大道'],
  },
  {
    province: '广西壮族自治区', city: '南宁市', short: '南宁', region: 'HN', area: '0771', weight: 0.5,
    districts: [d('青秀区', '450103', '530022'), d('兴宁区', '450102', '530023')],
    streets: ['民族大道', '朝阳路', '金湖路', '东葛路'],
  },
  {
    province: '海南省', city: '海口市', short: '海口', region: 'HN', area: '0898', weight: 0.4,
    districts: [d('龙华区', '460106', '570105'), d('美兰区', '460108', '570203')],
    streets: ['国贸大道', '滨海大道', '海府路', '龙昆南路'],
  },
  {
    province: '湖北省', city: '武汉市', short: '武汉', region: 'HZ', area: '027', weight: 1.3,
    districts: [d('江汉区', '420103', '430015'), d('武昌区', '420106', '430061'), d('洪山区', '420111', '430070')],
    streets: ['解放大道', '中南路', '珞喻路', '建设大道', '光谷大道'],
  },
  {
    province: '湖南省', city: '长沙市', short: '长沙', region: 'HZ', area: '0731', weight: 1,
    districts: [d('岳麓区', '430104', '410013'), d('芙蓉区', '430102', '410011')],
    streets: ['五一大道', '芙蓉中路', '麓山南路', '韶山北路'],
  },
  {
    province: '河南省', city: '郑州市', short: '郑州', region: 'HZ', area: '0371', weight: 1,
    districts: [d('金水区', '410105', '450008'), d('二七区', '410103', '450052')],
    streets: ['金水路', '花园路', '大学路', '中原路'],
  },
  {
    province: '江西省', city: '南昌市', short: '南昌', region: 'HZ', area: '0791', weight: 0.6,
    districts: [d('东湖区', '360102', '330006'), d('红谷滩区', '360113', '330038')],
    streets: ['八一大道', '红谷中大道', '阳明路', '赣江中大道'],
  },
  {
    province: '四川省', city: '成都市', short: '成都', region: 'XN', area: '028', weight: 1.5,
    districts: [d('锦江区', '510104', '610021'), d('武侯区', '510107', '610041'), d('成华区', '510108', '610051')],
    streets: ['人民南路', '天府大道', '春熙路', '建设路', '一环路南一段'],
  },
  {
    province: '重庆市', city: '重庆市', short: '重庆', region: 'XN', area: '023', weight: 1.2,
    districts: [d('渝中区', '500103', '400010'), d('江北区', '500105', '400020'), d('九龙坡区', '500107', '400050')],
    streets: ['解放碑民族路', '北城天街', '杨家坪正街', '中山三路'],
  },
  {
    province: '云南省', city: '昆明市', short: '昆明', region: 'XN', area: '0871', weight: 0.6,
    districts: [d('五华区', '530102', '650032'), d('盘龙区', '530103', '650051')],
    streets: ['东风西路', '北京路', '人民中路', '白塔路'],
  },
  {
    province: '贵州省', city: '贵阳市', short: '贵阳', region: 'XN', area: '0851', weight: 0.5,
    districts: [d('南明区', '520102', '550001'), d('云岩区', '520103', '550001')],
    streets: ['中华南路', '遵义路', '北京路', '瑞金北路'],
  },
  {
    province: '陕西省', city: '西安市', short: '西安', region: 'XB', area: '029', weight: 1,
    districts: [d('雁塔区', '610113', '710061'), d('碑林区', '610103', '710001'), d('未央区', '610112', '710016')],
    streets: ['长安南路', '南大街', '科技路', '凤城八路', '小寨东路'],
  },
  {
    province: '甘肃省', city: '兰州市', short: '兰州', region: 'XB', area: '0931', weight: 0.4,
    districts: [d('城关区', '620102', '730030'), d('七里河区', '620103', '730050')],
    streets: ['东岗西路', '庆阳路', '西津西路', '南昌路'],
  },
  {
    province: '新疆维吾尔自治区', city: '乌鲁木齐市', short: '乌鲁木齐', region: 'XB', area: '0991', weight: 0.4,
    districts: [d('天山区', '650102', '830002'), d('沙依巴克区', '650103', '830000')],
    streets: ['解放北路', '新华南路', '友好北路', '西北路'],
  },
  {
    province: '宁夏回族自治区', city: '银川市', short: '银川', region: 'XB', area: '0951', weight: 0.3,
    districts: [d('兴庆区', '640104', '750001')],
    streets: ['解放东街', '北京东路', '文化西街'],
  },
  {
    province: '辽宁省', city: '沈阳市', short: '沈阳', region: 'DB', area: '024', weight: 0.9,
    districts: [d('和平区', '210102', '110001'), d('沈河区', '210103', '110011'), d('浑南区', '210112', '110179')],
    streets: ['中华路', '青年大街', '北京街', '浑南中路'],
  },
  {
    province: '辽宁省', city: '大连市', short: '大连', region: 'DB', area: '0411', weight: 0.7,
    districts: [d('中山区', '210202', '116001'), d('甘井子区', '210211', '116033')],
    streets: ['人民路', '中山路', '黄河路', '五一路'],
  },
  {
    province: '吉林省', city: '长春市', short: '长春', region: 'DB', area: '0431', weight: 0.5,
    districts: [d('朝阳区', '220104', '130012'), d('南关区', '220102', '130022')],
    streets: ['人民大街', '自由大路', '亚泰大街', '卫星路'],
  },
  {
    province: '黑龙江省', city: '哈尔滨市', short: '哈尔滨', region: 'DB', area: '0451', weight: 0.6,
    districts: [d('南岗区', '230103', '150001'), d('道里区', '230102', '150010')],
    streets: ['中山路', '中央大街', '红军街', '学府路'],
  },
  {
    // Hong Kong and Macau firms trade through a Qianhai / Hengqin entity, so the USCC division is
    // mainland; postcodes 999077/999078 are what mainland systems use for them.
    province: '香港特别行政区', city: '香港', short: '香港', region: 'GAT', area: null, weight: 0.3,
    districts: [d('中西区', '440305', '999077'), d('湾仔区', '440305', '999077'), d('油尖旺区', '440305', '999077')],
    streets: ['皇后大道中', '告士打道', '弥敦道', '德辅道中'],
  },
  {
    province: '澳门特别行政区', city: '澳门', short: '澳门', region: 'GAT', area: null, weight: 0.1,
    districts: [d('花地玛堂区', '440404', '999078'), d('大堂区', '440404', '999078')],
    streets: ['南湾大马路', '友谊大马路', '新马路'],
  },
];

/** Which warehouse serves a region (the nearest one). */
export const WAREHOUSE_FOR_REGION: Record<RegionCode, string> = {
  HD: 'WH-SH',
  HB: 'WH-BJ',
  DB: 'WH-BJ',
  HN: 'WH-GZ',
  GAT: 'WH-GZ',
  HZ: 'WH-SH',
  XN: 'WH-CD',
  XB: 'WH-CD',
};
