/**
 * The packaged app's default notebook. The samples ship read-only next to app.asar (electron-
 * builder's extraResources: an installed app's folder is not writable, and files inside an asar
 * cannot be a workspace), so the first start without a notebook copies them to a writable folder
 * of the user's own, never overwriting one they changed, and opens the copy.
 */
import { cp, mkdir } from 'node:fs/promises';
import path from 'node:path';

export const SAMPLE_NOTEBOOK = 'churn.ipynb';

/** `shipped`: resources/samples; `userCopy`: e.g. <userData>/samples. Returns the notebook. */
export async function userSampleNotebook(shipped: string, userCopy: string): Promise<string> {
  await mkdir(userCopy, { recursive: true });
  await cp(shipped, userCopy, { recursive: true, force: false, errorOnExist: false });
  return path.join(userCopy, SAMPLE_NOTEBOOK);
}
