import { IMPORT_KIND_LABELS, type ImportKind, type ImportProblem, type ImportRowsByKind } from '@dispatch/core';
import { DataWriteError, DuplicateKeyError, OutOfScopeError, UnknownReferenceError, type DataBatch, type RefusedRow } from '@dispatch/db';
import type { Context } from 'hono';
import { parameterError } from '../routes/params.ts';

/** The largest file an import takes (about five years of a province's classes as .xlsx): stated in the API's document and the README. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/**
 * The uploaded file of a multipart request's field `file`: anything else (not multipart, no such field, text in it,
 * two files) is a 400 naming the field.
 */
export async function uploadedFile(c: Context): Promise<File> {
  if (!/^multipart\/form-data\s*;/i.test(c.req.header('content-type') ?? '')) {
    throw parameterError('file', '请以 multipart/form-data 上传文件，字段名为 file');
  }
  let body: Record<string, unknown>;
  try {
    body = await c.req.parseBody({ all: true });
  } catch {
    throw parameterError('file', '无法读取上传的内容（multipart 格式有误）');
  }
  const file = body.file;
  if (file === undefined) {
    const others = Object.keys(body);
    throw parameterError('file', `缺少上传的文件${others.length ? `（收到的字段为 ${others.join('、')}，应为 file）` : ''}`);
  }
  if (Array.isArray(file)) throw parameterError('file', '一次只能上传一个文件');
  if (!(file instanceof File)) throw parameterError('file', '应为文件，不是文本');
  return file;
}

/** The typed rows as the write path's batch of a kind. */
export function importBatch<K extends ImportKind>(kind: K, rows: ImportRowsByKind[K][], fileName: string, sha256: string): DataBatch {
  return { kind: 'import', label: `导入${IMPORT_KIND_LABELS[kind]}：${fileName}`, importKind: kind, fileName, sha256, [kind]: rows };
}

const ROW_WORDS: Partial<Record<DataWriteError['code'], string>> = {
  'out-of-scope': '地区不属于本市州及其县市区',
  'unknown-reference': '引用了不存在的培训班或培训类型',
  'duplicate-key': '编号与本文件中前面的行重复',
};

/**
 * A refusal of the write path as the report's problems: a row's refusal on its sheet row (第12行), a closed month's
 * and anything without rows as a problem of the whole file.
 */
export function writeProblems(error: DataWriteError, rowNumbers: readonly number[]): ImportProblem[] {
  const rows: readonly RefusedRow[] =
    error instanceof OutOfScopeError || error instanceof UnknownReferenceError || error instanceof DuplicateKeyError ? error.rows : [];
  const words = ROW_WORDS[error.code];
  if (rows.length === 0 || !words) return [{ row: null, column: null, message: error.message }];
  return rows.map((refused) => {
    const row = rowNumbers[refused.index] ?? null;
    return { row, column: null, message: `${row === null ? '' : `第${row}行`}（${refused.key}）${words}` };
  });
}
