import type { OpenedFile, OpenFilesRequest, Platform, SaveFileRequest, SaveFileResult } from './types';

/** The same app in a plain browser (tests, demos): downloads for saving, a file input for opening. */
export function createBrowserPlatform(): Platform {
  return {
    kind: 'browser',
    async saveFile(request: SaveFileRequest): Promise<SaveFileResult> {
      const blob = new Blob([request.data as BlobPart]);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = request.suggestedName;
      document.body.append(link);
      link.click();
      link.remove();
      // Revoke later: Chromium reads the blob asynchronously after the click.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return { saved: true };
    },
    openFiles(request: OpenFilesRequest): Promise<OpenedFile[]> {
      return new Promise((resolve) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.multiple = request.multiple ?? false;
        input.accept = (request.filters ?? []).flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
        input.addEventListener('change', async () => {
          const files = Array.from(input.files ?? []);
          resolve(await Promise.all(files.map(async (f) => ({ name: f.name, data: new Uint8Array(await f.arrayBuffer()) }))));
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
