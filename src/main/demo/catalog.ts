/**
 * The demo product catalogue: categories with a two-letter SKU prefix, items with specs, units,
 * prices and brands, and the affinities that make "frequently bought together" find something
 * (desks with chairs, printers with paper and toner, plants with pots).
 */

export interface CatalogItem {
  name: string;
  unit: string;
  /** Typical list price in yuan for the first spec; later specs cost a little more. */
  price: number;
  specs: string[];
  /** Affinity group (see AFFINITY). */
  group: string;
  brands?: string[];
  /** VAT in bp when not the category's. */
  tax?: number;
  /** Made (or performed) to order: no stock is kept. */
  mto?: boolean;
  /** Largest usual quantity on one order line. */
  qty: number;
}

export interface Category {
  prefix: string;
  name: string;
  /** How often the category is ordered, relative. */
  weight: number;
  tax: number;
  items: CatalogItem[];
}

const item = (
  name: string,
  unit: string,
  price: number,
  specs: string[],
  group: string,
  qty: number,
  more: Partial<CatalogItem> = {},
): CatalogItem => ({ name, unit, price, specs, group, qty, ...more });

const STATIONERY = ['得力', '晨光', '齐心'];
const PERIPHERALS = ['罗技', '联想', '绿联', '小米'];
const PRINTERS = ['惠普', '兄弟', '佳能'];
const PAPER = ['得力', '晨光', '亚太森博', '天章'];
const TISSUE = ['维达', '清风', '心相印'];

export const CATEGORIES: Category[] = [
  {
    prefix: 'JJ', name: '办公家具', weight: 0.9, tax: 1300,
    items: [
      item('办公桌', '张', 680, ['1.2米 单人位 白枫木', '1.4米 单人位 胡桃木', '1.6米 主管桌 胡桃木', '1.8米 经理桌 黑胡桃', '1.4米 钢木 白色', '2.0米 总裁桌 黑胡桃'], 'desk', 8),
      item('电动升降桌', '张', 1680, ['1.2米 双电机 白色', '1.4米 双电机 黑色', '1.6米 双电机 胡桃木'], 'desk', 6),
      item('办公椅', '把', 399, ['人体工学网椅 黑色', '人体工学网椅 灰色 带头枕', '职员椅 黑色', '皮质大班椅 黑色', '弓形会议椅 网布', '培训椅 带写字板'], 'chair', 20),
      item('会议桌', '张', 2380, ['2.4米 8人位 胡桃木', '3.0米 10人位 胡桃木', '4.0米 14人位 黑胡桃', '1.2米 圆形 洽谈桌'], 'meeting', 2),
      item('文件柜', '台', 860, ['钢制 二门 1850高', '钢制 五节柜 灰白', '木质 两门书柜 胡桃木', '钢制 密集架 单节'], 'cabinet', 6),
      item('活动柜', '个', 420, ['三抽 带锁 白色', '三抽 带锁 黑色', '两抽 带轮 灰色'], 'cabinet', 10),
      item('屏风工位', '套', 3200, ['四人位 1.2米 灰色', '六人位 1.4米 灰色', '八人位 1.4米 白色'], 'desk', 3),
      item('接待沙发', '套', 3680, ['1+1+3 黑色皮质', '双人位 布艺 灰色', '单人位 布艺 蓝色'], 'sofa', 2),
      item('茶几', '张', 580, ['1.2米 钢化玻璃', '0.8米 圆形 胡桃木'], 'sofa', 2),
      item('前台', '张', 4200, ['2.0米 烤漆 白色', '2.4米 木纹 胡桃木'], 'reception', 1),
      item('书架', '个', 360, ['五层 钢木', '三层 胡桃木'], 'cabinet', 4),
      item('衣帽架', '个', 129, ['立式 黑色'], 'sofa', 4),
      item('休闲椅', '把', 299, ['洽谈椅 布艺 灰色', '吧台椅 可升降'], 'chair', 8),
      item('定制会议桌', '张', 8800, ['按图纸定制 实木贴皮'], 'meeting', 1, { mto: true }),
      item('定制前台', '张', 12800, ['按图纸定制 含LOGO墙'], 'reception', 1, { mto: true }),
    ],
  },
  {
    prefix: 'BG', name: '办公用品', weight: 3, tax: 1300,
    items: [
      item('中性笔', '盒', 18, ['0.5mm 黑色 12支', '0.5mm 蓝色 12支', '0.38mm 黑色 12支', '按动 0.5mm 黑色 12支'], 'pen', 20, { brands: STATIONERY }),
      item('笔记本', '本', 12, ['A5 皮面 100页', 'B5 无线装订 80页', 'A4 线圈本 70页'], 'notebook', 30, { brands: STATIONERY }),
      item('档案盒', '个', 6.5, ['A4 55mm 蓝色', 'A4 75mm 蓝色'], 'file', 50, { brands: STATIONERY }),
      item('文件夹', '个', 5, ['A4 双强力夹 蓝色', 'A4 单夹 黑色'], 'file', 50, { brands: STATIONERY }),
      item('订书机', '个', 22, ['12号 标准型', '重型 可订100页'], 'stapler', 10, { brands: STATIONERY }),
      item('订书钉', '盒', 2.5, ['12号 1000枚', '24/6 1000枚'], 'stapler', 40, { brands: STATIONERY }),
      item('便利贴', '本', 4.5, ['76×76mm 黄色', '76×76mm 四色'], 'notebook', 50, { brands: STATIONERY }),
      item('计算器', '台', 39, ['12位 太阳能双电源', '财务专用 大屏'], 'calc', 5, { brands: ['得力', '卡西欧'] }),
      item('白板', '块', 260, ['900×1200 单面 挂式', '1200×2400 支架式'], 'whiteboard', 3),
      item('白板笔', '盒', 16, ['黑色 10支', '红蓝黑 10支'], 'whiteboard', 10, { brands: STATIONERY }),
      item('燕尾夹', '盒', 6, ['32mm 12只', '51mm 12只'], 'file', 20, { brands: STATIONERY }),
      item('固体胶', '支', 3.5, ['21g 高粘度'], 'pen', 30, { brands: STATIONERY }),
      item('文件架', '个', 28, ['三层 钢网'], 'file', 10, { brands: STATIONERY }),
      item('剪刀', '把', 9.9, ['办公 170mm'], 'pen', 10, { brands: STATIONERY }),
      item('荧光笔', '盒', 15, ['6色 套装'], 'pen', 20, { brands: STATIONERY }),
      item('回形针', '盒', 3, ['29mm 100枚'], 'file', 30, { brands: STATIONERY }),
      item('修正带', '个', 5.5, ['5mm×6m'], 'pen', 30, { brands: STATIONERY }),
    ],
  },
  {
    prefix: 'DN', name: '电脑配件', weight: 1.6, tax: 1300,
    items: [
      item('无线鼠标', '个', 69, ['办公静音 黑色', '办公静音 灰色'], 'mouse', 20, { brands: PERIPHERALS }),
      item('键盘', '个', 79, ['有线 USB 104键', '无线键鼠套装'], 'keyboard', 20, { brands: PERIPHERALS }),
      item('显示器', '台', 799, ['23.8英寸 IPS 1080P', '27英寸 IPS 2K', '27英寸 4K Type-C'], 'monitor', 10, { brands: ['联想', '戴尔', 'AOC'] }),
      item('显示器支架', '个', 159, ['单臂 气弹簧', '双臂 气弹簧'], 'monitor', 10, { brands: ['绿联', '乐歌'] }),
      item('U盘', '个', 39, ['64GB USB3.0', '128GB USB3.2'], 'storage', 20, { brands: ['闪迪', '金士顿'] }),
      item('移动硬盘', '个', 359, ['1TB USB3.0', '2TB USB3.0'], 'storage', 5, { brands: ['西部数据', '希捷'] }),
      item('路由器', '台', 299, ['千兆双频 WiFi6', '企业级 多WAN口'], 'network', 4, { brands: ['TP-LINK', '华为'] }),
      item('交换机', '台', 189, ['8口 千兆', '24口 千兆 机架式'], 'network', 4, { brands: ['TP-LINK', '华为'] }),
      item('网线', '箱', 460, ['超五类 305米', '六类 305米'], 'network', 3, { brands: ['绿联', '安普'] }),
      item('会议摄像头', '个', 499, ['1080P 广角'], 'meetingcam', 3, { brands: ['罗技', '小米'] }),
      item('会议音箱', '台', 699, ['全向麦克风 USB'], 'meetingcam', 3),
      item('电源插座', '个', 49, ['6位 1.8米', '8位 3米 带USB'], 'storage', 20, { brands: ['公牛', '绿联'] }),
      item('鼠标垫', '个', 19, ['加厚 大号'], 'mouse', 30, { brands: PERIPHERALS }),
    ],
  },
  {
    prefix: 'SB', name: '办公设备', weight: 0.7, tax: 1300,
    items: [
      item('激光打印机', '台', 1299, ['黑白 A4 双面', '彩色 A4 网络', '多功能一体机 A4'], 'printer', 3, { brands: PRINTERS }),
      item('墨仓式打印机', '台', 999, ['彩色 A4 无线'], 'inkprinter', 3, { brands: ['爱普生', '佳能'] }),
      item('数码复合机', '台', 12800, ['A3 25页/分 黑白', 'A3 30页/分 彩色'], 'printer', 1, { brands: ['理光', '柯尼卡美能达'] }),
      item('碎纸机', '台', 499, ['5级保密 20升', '4级保密 30升'], 'shredder', 3, { brands: ['得力', '科密'] }),
      item('投影仪', '台', 3299, ['商务 4000流明', '短焦 1080P'], 'projector', 2, { brands: ['爱普生', '明基'] }),
      item('投影幕布', '张', 399, ['100英寸 电动', '120英寸 支架'], 'projector', 2),
      item('考勤机', '台', 459, ['人脸识别 WiFi'], 'attendance', 2, { brands: ['得力', '中控'] }),
      item('装订机', '台', 680, ['胶装 A4', '热熔 A4'], 'shredder', 2, { brands: ['得力', '科密'] }),
      item('电话机', '台', 139, ['有线 来电显示', '无线 子母机'], 'phone', 5, { brands: ['步步高', '飞利浦'] }),
      item('标签打印机', '台', 399, ['热敏 便携'], 'label', 3, { brands: ['兄弟', '精臣'] }),
      item('打印机上门维修服务', '次', 200, ['含检测 不含配件'], 'printer', 2, { tax: 600, mto: true }),
      item('办公设备维保服务', '年', 3600, ['打印机复印机 全年保养'], 'printer', 1, { tax: 600, mto: true }),
    ],
  },
  {
    prefix: 'HC', name: '打印耗材', weight: 2.4, tax: 1300,
    items: [
      item('复印纸', '箱', 125, ['A4 70g 5包', 'A4 80g 5包', 'A3 70g 5包', 'B5 70g 5包'], 'paper', 40, { brands: PAPER }),
      item('硒鼓', '个', 329, ['88A 黑色', '12A 黑色', 'TN-2325 黑色', 'CRG-337 黑色'], 'toner', 10, { brands: ['惠普', '兄弟', '格之格'] }),
      item('墨盒', '个', 149, ['黑色 大容量', '彩色 三色'], 'ink', 10, { brands: ['惠普', '佳能'] }),
      item('墨水', '瓶', 59, ['黑色 70ml', '四色套装'], 'ink', 10, { brands: ['爱普生', '天威'] }),
      item('碳粉', '瓶', 45, ['通用 100g'], 'toner', 20, { brands: ['格之格', '天威'] }),
      item('热敏标签纸', '卷', 22, ['60×40mm 800张', '100×100mm 500张'], 'label', 50, { brands: ['得力', '精臣'] }),
      item('色带', '个', 18, ['针式打印机 LQ-630K'], 'toner', 20, { brands: ['天威'] }),
      item('彩色复印纸', '包', 28, ['A4 80g 混色 100张'], 'paper', 20, { brands: ['得力'] }),
    ],
  },
  {
    prefix: 'QJ', name: '清洁用品', weight: 1.8, tax: 1300,
    items: [
      item('抽纸', '箱', 69, ['3层 130抽 24包'], 'tissue', 20, { brands: TISSUE }),
      item('卷纸', '提', 32, ['4层 10卷'], 'tissue', 30, { brands: TISSUE }),
      item('擦手纸', '箱', 98, ['三折 200张 20包'], 'tissue', 20, { brands: TISSUE }),
      item('洗手液', '瓶', 19.9, ['500ml 抑菌', '5L 补充装'], 'soap', 20, { brands: ['蓝月亮', '威露士'] }),
      item('垃圾袋', '包', 9.9, ['45×50cm 100只', '60×80cm 50只 加厚'], 'bin', 50, { brands: ['美丽雅', '妙洁'] }),
      item('垃圾桶', '个', 39, ['12L 脚踏式', '30L 带盖 分类'], 'bin', 10, { brands: ['美丽雅', '茶花'] }),
      item('空气清新剂', '瓶', 18, ['320ml 柠檬', '320ml 薰衣草'], 'soap', 20, { brands: ['威猛先生', '雷达'] }),
      item('扫把簸箕套装', '套', 35, ['软毛 组合'], 'mop', 10),
      item('平板拖把', '把', 59, ['带桶 免手洗', '旋转 加大'], 'mop', 10, { brands: ['美丽雅', '妙洁'] }),
      item('多用途清洁剂', '瓶', 16.9, ['1L 柠檬', '500ml 玻璃清洁'], 'soap', 20, { brands: ['威猛先生', '蓝月亮'] }),
      item('84消毒液', '桶', 45, ['5L'], 'soap', 10),
      item('超细纤维抹布', '包', 15, ['30×30cm 10条'], 'mop', 20),
    ],
  },
  {
    prefix: 'LZ', name: '绿植', weight: 0.8, tax: 900,
    items: [
      item('绿萝', '盆', 35, ['小盆 桌面', '中盆 落地 1.2米'], 'plant', 20),
      item('发财树', '盆', 188, ['1.5米 落地', '1.8米 落地'], 'plant', 10),
      item('虎皮兰', '盆', 68, ['中盆 0.8米', '小盆 桌面'], 'plant', 15),
      item('富贵竹', '盆', 45, ['转运竹 桌面'], 'plant', 15),
      item('龟背竹', '盆', 158, ['1.2米 落地'], 'plant', 10),
      item('君子兰', '盆', 128, ['中盆 开花株'], 'plant', 10),
      item('多肉组合', '盆', 39, ['桌面 6头'], 'plant', 20),
      item('琴叶榕', '盆', 268, ['1.6米 落地'], 'plant', 8),
      item('幸福树', '盆', 198, ['1.5米 落地'], 'plant', 8),
      item('散尾葵', '盆', 168, ['1.5米 落地', '1.2米 落地'], 'plant', 8),
      item('金钱树', '盆', 88, ['中盆 0.8米'], 'plant', 10),
      item('吊兰', '盆', 29, ['小盆 悬挂'], 'plant', 15),
      item('红掌', '盆', 75, ['中盆 开花'], 'plant', 10),
      item('文竹', '盆', 32, ['桌面 小盆'], 'plant', 15),
      item('鸭脚木', '盆', 158, ['1.5米 落地'], 'plant', 8),
      item('绿植租摆养护服务', '月', 800, ['20盆以内 每周养护'], 'plant', 1, { tax: 600, mto: true }),
    ],
  },
  {
    prefix: 'HP', name: '花盆园艺', weight: 0.6, tax: 1300,
    items: [
      item('陶瓷花盆', '个', 25, ['白色 直径20cm', '白色 直径30cm', '灰色 直径40cm 落地', '彩色 直径15cm 桌面'], 'pot', 20),
      item('树脂花盆', '个', 88, ['方形 40cm 黑色', '圆形 50cm 仿石'], 'pot', 10),
      item('花盆托盘', '个', 9.9, ['直径30cm', '直径45cm 带轮'], 'pot', 20),
      item('营养土', '袋', 15, ['通用 10L', '多肉专用 5L', '兰花专用 5L'], 'soil', 20),
      item('缓释肥', '瓶', 19, ['500g'], 'soil', 10),
      item('气压喷壶', '个', 29, ['2L'], 'soil', 5),
      item('园艺剪', '把', 39, ['修枝剪 不锈钢'], 'soil', 5),
      item('鹅卵石', '袋', 12, ['白色 铺面 5kg'], 'pot', 20),
    ],
  },
  {
    prefix: 'BZ', name: '包装材料', weight: 1.5, tax: 1300,
    items: [
      item('纸箱', '个', 3.2, ['三层 1号 530×290×370', '三层 3号 430×210×270', '五层 12号 130×80×90', '五层 搬家箱 600×400×500', '五层 5号 290×170×190', '三层 7号 230×130×160'], 'box', 500),
      item('封箱胶带', '卷', 6.5, ['透明 48mm×100m', '米黄 48mm×100m', '警示 48mm×100m'], 'tape', 100),
      item('封箱器', '个', 15, ['手持 50mm'], 'tape', 10),
      item('气泡膜', '卷', 48, ['50cm×50m 双层', '100cm×50m 单层'], 'wrap', 20),
      item('缠绕膜', '卷', 36, ['50cm 3kg'], 'wrap', 30),
      item('打包带', '卷', 55, ['PP 手工 10kg'], 'wrap', 10),
      item('快递袋', '包', 18, ['28×42cm 100个', '38×52cm 100个'], 'box', 50),
      item('珍珠棉', '卷', 65, ['1mm 100米'], 'wrap', 10),
      item('牛皮纸', '卷', 85, ['80g 1米×100米'], 'wrap', 10),
      item('气柱袋', '包', 26, ['20cm 50只'], 'wrap', 20),
      item('定制印刷纸箱', '个', 6.8, ['印LOGO 单色 按尺寸'], 'box', 500, { mto: true }),
    ],
  },
  {
    prefix: 'CS', name: '茶水饮品', weight: 1.4, tax: 1300,
    items: [
      item('瓶装饮用水', '箱', 36, ['550ml×24瓶', '380ml×24瓶'], 'water', 40, { brands: ['农夫山泉', '怡宝'] }),
      item('桶装饮用水', '桶', 22, ['18.9L 纯净水'], 'water', 30, { brands: ['农夫山泉', '怡宝'] }),
      item('饮水机', '台', 599, ['立式 冷热'], 'water', 3, { brands: ['美的', '安吉尔'] }),
      item('一次性纸杯', '包', 12, ['9盎司 100只', '7盎司 100只'], 'cup', 50),
      item('茶叶', '盒', 128, ['西湖龙井 250g', '安溪铁观音 250g', '普洱 357g'], 'tea', 10, { tax: 900 }),
      item('速溶咖啡', '盒', 59, ['1+2原味 48条'], 'coffee', 20, { brands: ['雀巢', '麦斯威尔'] }),
      item('咖啡豆', '袋', 158, ['意式拼配 1kg'], 'coffee', 10),
      item('全自动咖啡机', '台', 3999, ['意式 一键花式'], 'coffee', 1, { brands: ['德龙', '飞利浦'] }),
      item('方糖', '盒', 18, ['454g'], 'coffee', 20),
      item('纯牛奶', '箱', 62, ['250ml×24盒'], 'water', 20, { brands: ['伊利', '蒙牛'] }),
      item('混合零食', '箱', 88, ['饼干坚果 2kg'], 'tea', 10),
      item('陶瓷茶杯', '个', 25, ['带盖 350ml'], 'cup', 30),
      item('保温壶', '个', 69, ['2L 不锈钢'], 'cup', 10),
    ],
  },
  {
    prefix: 'LB', name: '劳保用品', weight: 0.7, tax: 1300,
    items: [
      item('劳保手套', '打', 24, ['棉线 12副', '丁腈涂胶 12副'], 'glove', 30),
      item('一次性口罩', '盒', 19.9, ['三层 50只'], 'glove', 30),
      item('安全帽', '顶', 26, ['ABS 白色', 'ABS 黄色'], 'safety', 20),
      item('反光背心', '件', 15, ['荧光黄'], 'safety', 20),
      item('工作服', '套', 89, ['夏季 短袖', '春秋 长袖'], 'safety', 20),
      item('劳保鞋', '双', 129, ['防砸防刺穿'], 'safety', 10),
      item('防护眼镜', '副', 19, ['防冲击 透明'], 'safety', 20),
      item('急救箱', '个', 168, ['办公室 标准型'], 'safety', 3),
      item('分体雨衣', '件', 45, ['反光 加厚'], 'safety', 20),
    ],
  },
];

/**
 * Which groups go together on an order, with a weight each. A line after the first follows an
 * affinity of a product already on the order most of the time.
 */
export const AFFINITY: Record<string, [string, number][]> = {
  desk: [['chair', 5], ['cabinet', 2], ['monitor', 1]],
  chair: [['desk', 3], ['chair', 1]],
  meeting: [['chair', 5], ['projector', 2], ['meetingcam', 2], ['whiteboard', 1]],
  cabinet: [['desk', 2], ['file', 2]],
  sofa: [['sofa', 3], ['reception', 1], ['plant', 1]],
  reception: [['sofa', 2], ['plant', 2]],
  printer: [['paper', 5], ['toner', 5]],
  inkprinter: [['ink', 5], ['paper', 4]],
  paper: [['toner', 2], ['stapler', 1], ['pen', 1], ['file', 1]],
  toner: [['paper', 3], ['toner', 1]],
  ink: [['paper', 2], ['ink', 1]],
  pen: [['notebook', 2], ['pen', 1], ['file', 1]],
  notebook: [['pen', 2]],
  file: [['file', 1], ['stapler', 1], ['paper', 1]],
  stapler: [['stapler', 3], ['paper', 1]],
  whiteboard: [['whiteboard', 4]],
  calc: [['pen', 1]],
  mouse: [['keyboard', 3], ['mouse', 1]],
  keyboard: [['mouse', 4]],
  monitor: [['monitor', 2], ['keyboard', 1], ['mouse', 1]],
  storage: [['storage', 1]],
  network: [['network', 3]],
  meetingcam: [['meetingcam', 3], ['projector', 1]],
  projector: [['projector', 4], ['meetingcam', 1]],
  shredder: [['paper', 1]],
  label: [['label', 4]],
  attendance: [['paper', 1]],
  phone: [['phone', 1]],
  plant: [['pot', 5], ['soil', 3], ['plant', 2]],
  pot: [['plant', 4], ['soil', 3]],
  soil: [['pot', 2], ['plant', 2]],
  box: [['tape', 5], ['wrap', 3], ['box', 1]],
  tape: [['box', 4], ['tape', 1]],
  wrap: [['box', 3], ['tape', 2]],
  water: [['cup', 4], ['water', 1]],
  cup: [['water', 2], ['tea', 1], ['coffee', 1]],
  tea: [['cup', 3], ['water', 1]],
  coffee: [['cup', 3], ['coffee', 2]],
  tissue: [['tissue', 2], ['soap', 2], ['bin', 2]],
  soap: [['tissue', 2], ['mop', 1]],
  bin: [['bin', 1], ['tissue', 1], ['mop', 1]],
  mop: [['bin', 2], ['soap', 1]],
  glove: [['glove', 2], ['safety', 1]],
  safety: [['safety', 3], ['glove', 2]],
};
