import { apiErrorOf, ApiError, getCsrfToken } from './fetch-json.ts';

export interface UploadAnswer {
  status: number;
  body: unknown;
}

/**
 * POSTs a file as multipart (field `file`) through XMLHttpRequest, the one browser API that reports an upload's
 * progress (fetch has none). Answers the status and parsed body of any answer the caller expects (`accept`: a 422
 * carries the validation report); any other non-2xx becomes an ApiError with the server's message.
 */
export function uploadFile(path: string, file: File, options: { onProgress?: (fraction: number) => void; accept?: readonly number[]; signal?: AbortSignal } = {}): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    const token = getCsrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) options.onProgress?.(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if ((xhr.status >= 200 && xhr.status < 300) || options.accept?.includes(xhr.status)) resolve({ status: xhr.status, body });
      else if (xhr.status === 413 && body === null) reject(new ApiError(413, 'TOO_LARGE', '文件超过上传上限，未导入'));
      else reject(apiErrorOf(xhr.status, body));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试'));
    xhr.onabort = () => reject(new ApiError(0, 'ABORTED', '已取消上传'));
    options.signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}
