/** Whether a path is a glob: the kernel lists such files by pattern, the host checks each part. */
export function isGlob(path: string): boolean {
  return /[*?[{]/.test(path);
}
