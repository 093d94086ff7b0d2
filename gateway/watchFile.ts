import { watch } from 'node:fs';
import { basename, dirname } from 'node:path';

/** A running file watch; `close()` stops it and cancels a pending notification. */
export interface FileWatch {
  close(): void;
}

export interface WatchFileOptions {
  /** Quiet time after the last change before `onChange` runs; writers often emit several events. */
  debounceMs?: number;
  /** A watch that breaks (directory removed, watch limit reached) is reported, not thrown. */
  onError?(error: Error): void;
}

/**
 * Calls `onChange` once a file has stopped changing. The directory is watched rather than
 * the file: tools that write a new file and rename it over the old one (editors, `mv`,
 * volume updates) replace the inode a watch on the file itself is bound to.
 */
export function watchFile(
  path: string,
  onChange: () => void,
  options: WatchFileOptions = {},
): FileWatch {
  const name = basename(path);
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(dirname(path), { persistent: false }, (_event, changed) => {
    if (changed !== null && changed.toString() !== name) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, options.debounceMs ?? 250);
  });
  watcher.on('error', (error) => options.onError?.(error));
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
