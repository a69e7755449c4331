import catalogue from './catalogue.json' with { type: 'json' };

/**
 * Fixed vocabularies for the demo data (the training types and occupations are the data file catalogue.json, in
 * the order the generator draws from). City populations (万人, 2020 census, rounded) set the regions' relative
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
  /**
   * 2020: two rounds, 5 cities / 54 counties then 9 cities / 59 counties, 3.3亿元 in all. The source gives no
   * document numbers: these are invented, 湘人社函〔year〕N号 (migration 0005 writes the same ones for databases
   * filled before it).
   */
  reallocationRounds: [
    { round: 1, date: '07-28', cities: 5, counties: 54, amount: 130_000_000, documentNo: 41 },
    { round: 2, date: '11-06', cities: 9, counties: 59, amount: 200_000_000, documentNo: 67 },
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

const pair = ([low, high]: number[]): [number, number] => [low!, high!];
export const TRAINING_TYPES: readonly TrainingTypeSpec[] = catalogue.trainingTypes.map((t) => ({
  ...t,
  size: pair(t.size),
  days: pair(t.days),
  subsidisedShare: pair(t.subsidisedShare),
}));

/** 工种 with the usual standard band (yuan per person) for its level. */
export const OCCUPATIONS: readonly { name: string; standard: number }[] = catalogue.occupations;

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
