import { z } from 'zod';

/** 行政级别: province 省 · city 市州 · county 县市区 */
export const REGION_LEVELS = ['province', 'city', 'county'] as const;

export const RegionLevelSchema = z.enum(REGION_LEVELS, { error: '级别应为 province、city 或 county' });
export type RegionLevel = z.infer<typeof RegionLevelSchema>;

/** A GB/T 2260 code: 430000 the province, 430100 a city, 430182 a county. */
export const RegionCodeSchema = z
  .string()
  .regex(/^\d{6}$/, '地区代码应为 6 位数字（GB/T 2260），如 430100')
  .meta({ example: '430100' });

export const RegionSchema = z
  .object({
    code: z.string(),
    /** the official name (长沙市, 湘西土家族苗族自治州) */
    name: z.string(),
    /** display name (长沙, 湘西州, 城步县); the official name stays in `name` */
    shortName: z.string(),
    level: RegionLevelSchema,
    parentCode: z.string().nullable(),
  })
  .meta({ id: 'Region', description: '地区：省、市州或县市区' });
export type Region = z.infer<typeof RegionSchema>;

export const RegionListSchema = z.object({ regions: z.array(RegionSchema) }).meta({ id: 'RegionList' });
export type RegionList = z.infer<typeof RegionListSchema>;
