import { createBrowserFileSink, downloadBlob } from './fileSink';
import type { FileSink, OpenedFile, OpenFilesRequest, Platform, SaveFileRequest, SaveFileResult, SaveFileStreamRequest } from './types';

/** The same app in a plain browser (tests, demos): downloads for saving, a file input for opening. */
export function createBrowserPlatform(): Platform {
  return {
    kind: 'browser',
    async saveFile(request: SaveFileRequest): Promise<SaveFileResult> {
      // A Uint8Array may in general view a SharedArrayBuffer, which Blob refuses; ours never do.
      downloadBlob(new Blob([request.data as BlobPart]), request.suggestedName);
      return { saved: true };
    },
    async saveFileStream(request: SaveFileStreamRequest): Promise<FileSink> {
      // No dialog before the download in a browser: the name is the suggested one, the place the download folder.
      return createBrowserFileSink(request.suggestedName);
    },
    openFiles(request: OpenFilesRequest): Promise<OpenedFile[]> {
      return new Promise((resolve) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.multiple = request.multiple ?? false;
        input.accept = (request.filters ?? []).flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
        input.addEventListener('change', () => {
          const files = Array.from(input.files ?? []);
          // Resolving with the reading itself: a file that cannot be read rejects openFiles instead of leaving it hanging.
          resolve(Promise.all(files.map(async (f) => ({ name: f.name, data: new Uint8Array(await f.arrayBuffer()) }))));
        });
        input.addEventListener('cancel', () => resolve([]));
        input.click();
      });
    },
    async print(): Promise<void> {
      window.print();
    },
    async requestPersistentStorage(): Promise<boolean> {
      if (!navigator.storage?.persist) {
        return false;
      }
      return navigator.storage.persist();
    },
  };
}
