/**
 * Sending a file's bytes to the upload URL the graph prepared (createUpload), with the session cookie, and
 * telling the page how far it has come. XMLHttpRequest, because fetch cannot report upload progress.
 */
export class UploadFailed extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
    message: string,
  ) {
    super(message);
  }
}

export function putFile(
  url: string,
  file: File,
  lang: string,
  onProgress: (fraction: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('PUT', url);
    request.withCredentials = true;
    request.setRequestHeader('content-type', file.type);
    request.setRequestHeader('accept-language', lang);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        onProgress(1);
        resolve();
        return;
      }
      // The file routes answer errors as { error, message }, the message in the person's language.
      let body: { error?: string; message?: string } = {};
      try {
        body = JSON.parse(request.responseText) as typeof body;
      } catch {
        // not JSON: the status says enough
      }
      reject(new UploadFailed(request.status, body.error ?? null, body.message ?? request.statusText));
    };
    request.onerror = () => reject(new UploadFailed(0, null, 'network'));
    request.send(file);
  });
}
