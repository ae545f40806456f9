/** Bad usage or unreadable input: exit code 2 with a one-line reason (DESIGN.md, "CLI"). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130, terminated: 143 } as const;
