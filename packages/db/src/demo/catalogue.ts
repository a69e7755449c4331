/**
 * Fixed vocabularies for the demo data. City populations (万人, 2020 census, rounded) set the regions' relative
 * sizes; the calibration figures come from the source report (shared/seed).
 */
export const CALIBRATION = {
  /** 2020: 138.83万人次 trained */
  trainees: 1_388_300,
  /** 2020: 专账资金支出 12.26亿元 */
  fundsAudited: 1_226_000_000,
  /** 2020: 人均补贴支出 1359元 */
  avgSubsidy: 1_359,
  /** Annual target for the province; the source says it was over-fulfilled. */
  target: 1_150_000,
  /** Fund budget allocated at the start of the year, before the two reallocation rounds. */
  allocatedBudget: 1_000_000_000,
  /** 2020: two rounds, 5 cities / 54 counties then 9 cities / 59 counties, 3.3亿元 in all. */
  reallocationRounds: [
    { round: 1, date: '07-28', cities: 5, counties: 54, amount: 130_000_000 },
    { round: 2, date: '11-06', cities: 9, counties: 59, amount: 200_000_000 },
  ],
  /** Subsidy standard per person after the 50% raise: 825–4,350 yuan. */
  minStandard: 825,
  maxStandard: 4_350,
  institutions: 1_700,
} as const;

export const PROVINCE_CODE = '430000';

export const CITY_POPULATION: Record<string, number> = {
  '430100': 1005, '430200': 390, '430300': 273, '430400': 665, '430500': 656, '430600': 505, '430700': 528,
  '430800': 152, '430900': 385, '431000': 467, '431100': 529, '431200': 459, '431300': 383, '433100': 249,
};

/**
 * Share of trainees finishing in each month: a slow January–April (COVID) and the push from May on, when the
 * province re-mobilised to "grab progress".
 */
export const MONTH_PROFILE = [3, 1, 3, 5, 9, 10, 10, 10, 11, 12, 13, 13] as const;

export interface TrainingTypeSpec {
  code: string;
  name: string;
  weight: number;
  size: [number, number];
  days: [number, number];
  /** share of completers paid from the special account */
  subsidisedShare: [number, number];
}

export const TRAINING_TYPES: readonly TrainingTypeSpec[] = [
  { code: 'employment', name: '就业技能培训', weight: 30, size: [25, 60], days: [7, 30], subsidisedShare: [0.55, 0.85] },
  { code: 'upgrade', name: '岗位技能提升培训', weight: 22, size: [30, 70], days: [5, 20], subsidisedShare: [0.5, 0.8] },
  { code: 'work-in-lieu', name: '以工代训', weight: 20, size: [50, 150], days: [30, 90], subsidisedShare: [0.55, 0.8] },
  { code: 'apprenticeship', name: '新型学徒制', weight: 5, size: [20, 50], days: [120, 300], subsidisedShare: [0.6, 0.9] },
  { code: 'entrepreneurship', name: '创业培训', weight: 10, size: [25, 45], days: [10, 15], subsidisedShare: [0.5, 0.8] },
  { code: 'retired-fishermen', name: '退捕渔民培训', weight: 4, size: [20, 50], days: [10, 30], subsidisedShare: [0.6, 0.9] },
  { code: 'hunan-women', name: '湘女素质提升工程', weight: 4, size: [30, 60], days: [7, 20], subsidisedShare: [0.5, 0.8] },
  { code: 'village-livestream', name: '村播带货', weight: 3, size: [30, 80], days: [5, 15], subsidisedShare: [0.5, 0.75] },
  { code: 'light-homes', name: '点亮万家灯火', weight: 2, size: [15, 35], days: [10, 30], subsidisedShare: [0.7, 0.95] },
];

/** 工种 with the usual standard band (yuan per person) for its level. */
export const OCCUPATIONS: readonly { name: string; standard: number }[] = [
  { name: '育婴员', standard: 1100 }, { name: '保育员', standard: 1000 }, { name: '养老护理员', standard: 1200 },
  { name: '家政服务员', standard: 900 }, { name: '中式烹调师', standard: 1100 }, { name: '中式面点师', standard: 1000 },
  { name: '西式面点师', standard: 1100 }, { name: '美容师', standard: 1000 }, { name: '美发师', standard: 1000 },
  { name: '保健按摩师', standard: 1000 }, { name: '电子商务师', standard: 1350 }, { name: '互联网营销师', standard: 1350 },
  { name: '农业技术员', standard: 900 }, { name: '茶艺师', standard: 1000 }, { name: '评茶员', standard: 1000 },
  { name: '汽车维修工', standard: 1650 }, { name: '叉车司机', standard: 1350 }, { name: '电工', standard: 1650 },
  { name: '焊工', standard: 1800 }, { name: '车工', standard: 1650 }, { name: '钳工', standard: 1650 },
  { name: '铣工', standard: 1650 }, { name: '数控车工', standard: 2100 }, { name: '机修钳工', standard: 1800 },
  { name: '电梯安装维修工', standard: 2400 }, { name: '制冷空调系统安装维修工', standard: 1800 },
  { name: '电子设备装接工', standard: 1350 }, { name: '砌筑工', standard: 900 }, { name: '钢筋工', standard: 900 },
  { name: '混凝土工', standard: 900 }, { name: '装饰装修工', standard: 1000 }, { name: '手工木工', standard: 1000 },
  { name: '服装制版师', standard: 1350 }, { name: '缝纫工', standard: 825 }, { name: '插花花艺师', standard: 1000 },
  { name: '农机修理工', standard: 1100 }, { name: '家畜繁殖员', standard: 900 }, { name: '水生动物饲养工', standard: 900 },
  { name: '保安员', standard: 825 }, { name: '快递员', standard: 825 }, { name: '物流服务师', standard: 1100 },
  { name: '餐厅服务员', standard: 825 }, { name: '客房服务员', standard: 825 }, { name: '公共营养师', standard: 1350 },
  { name: '健康管理师', standard: 2100 }, { name: '心理咨询师', standard: 2400 }, { name: '眼镜验光员', standard: 1650 },
  { name: '网络与信息安全管理员', standard: 2900 }, { name: '计算机程序设计员', standard: 2900 },
  { name: '工业机器人系统操作员', standard: 3300 }, { name: '无人机驾驶员', standard: 3600 },
  { name: '智能制造工程技术人员', standard: 4350 }, { name: '起重装卸机械操作工', standard: 1350 },
  { name: '中药调剂员', standard: 1100 }, { name: '创业指导(SYB)', standard: 1000 },
];

export const INSTITUTION_WORDS = [
  '启航', '华信', '新星', '湘才', '众诚', '博远', '金桥', '蓝天', '明德', '创新', '技成', '立达', '鸿图', '宏远', '恒泰', '兴业',
  '远航', '锦程', '智联', '卓越', '精诚', '弘毅', '知行', '致远', '润泽', '正和', '仁和', '安康', '福星', '东方', '湘江',
  '潇湘', '岳麓', '芙蓉', '楚天', '南岭', '洞庭', '武陵', '雪峰', '衡岳', '沅澧', '资江', '紫荆', '长青', '同心', '惠民',
  '富民', '安居', '乐业', '巧手', '匠心', '百川', '聚贤', '育才', '英才', '天成', '嘉禾', '丰源', '德馨', '荣昌',
];

export const INSTITUTION_KINDS = [
  { kind: 'school', weight: 50, suffixes: ['职业培训学校', '职业技能培训学校', '技工学校'] },
  { kind: 'centre', weight: 30, suffixes: ['职业技能培训中心', '就业培训中心'] },
  { kind: 'enterprise', weight: 20, suffixes: ['机械有限公司培训中心', '电子有限公司培训中心', '建设集团职工培训中心', '食品有限公司培训中心', '物流有限公司培训中心', '家政服务有限公司培训中心'] },
] as const;
