import type { Context } from 'hono';

/** The files the API answers, by format. */
export const FILE_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type FileFormat = keyof typeof FILE_TYPES;

/**
 * A file as a download with its Chinese name (RFC 5987 `filename*`), an ASCII name before it for clients that
 * read only that one.
 */
export function fileAnswer(c: Context, file: Buffer, format: FileFormat, filename: string) {
  return c.body(new Uint8Array(file), 200, {
    'content-type': FILE_TYPES[format],
    'content-disposition': `attachment; filename="${format === 'xlsx' ? 'export' : 'bulletin'}.${format}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
  });
}
