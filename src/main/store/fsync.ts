import fs from 'node:fs';

/** Flush a file's written pages (and size) to the disk: fsync works on the file, not the descriptor. */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Make a folder's entries (a file just created in it) durable. */
export function fsyncFolder(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Not every platform can fsync a folder (Windows); the file's own fsync is what they offer.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}
