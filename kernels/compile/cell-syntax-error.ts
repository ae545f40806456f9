/**
 * A cell that does not parse. Kept apart from compile-cell.ts so that the kernel can recognise
 * the error without loading TypeScript, which it imports only for the first TypeScript cell
 * (docs/kernel.md, "Start-up").
 */
import type { CellLocation } from '../../core/protocol';

export class CellSyntaxError extends Error {
  override readonly name = 'SyntaxError';
  constructor(
    message: string,
    readonly fileName: string,
    readonly location: CellLocation,
  ) {
    super(message);
  }
}
