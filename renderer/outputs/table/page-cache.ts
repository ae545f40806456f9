/**
 * The rows of one order of a kept result (unsorted, or sorted by one column), fetched from the
 * kernel a page at a time as the view scrolls to them. Pages are few hundred rows, so a scroll
 * costs one small request per screenful; at most MAX_PAGES are held, the least recently used
 * let go first, so a long scroll through a million rows holds a few thousand.
 */
import type { JsonObject } from '../../../core/json';
import type { TablePage } from '../../../core/protocol';

export const PAGE_ROWS = 200;
const MAX_PAGES = 32;

/** A row and its number in the result (what the gutter shows, in any order). */
export type PagedRow = { row: JsonObject; index: number };

export type PageCacheEvents = {
  /** A page arrived: the rows in view may have changed. */
  changed(): void;
  /** The kernel does not keep the result (any more). */
  gone(): void;
};

export class PageCache {
  /** By page number, in order of last use. */
  private readonly pages = new Map<number, PagedRow[]>();
  private readonly loading = new Set<number>();
  private stopped = false;

  constructor(
    private readonly fetch: (offset: number, limit: number) => Promise<TablePage | null>,
    private readonly events: PageCacheEvents,
  ) {}

  /** The row at `position` in this order, or undefined until its page has arrived. */
  rowAt(position: number): PagedRow | undefined {
    return this.pages.get(Math.floor(position / PAGE_ROWS))?.[position % PAGE_ROWS];
  }

  /** Fetches the pages of the rows `[start, end)` that are neither held nor on their way. */
  load(start: number, end: number): void {
    for (let page = Math.floor(start / PAGE_ROWS); page * PAGE_ROWS < end; page++) {
      const held = this.pages.get(page);
      if (held) {
        this.pages.delete(page);
        this.pages.set(page, held);
      } else if (!this.loading.has(page) && !this.stopped) {
        this.loading.add(page);
        void this.fetch(page * PAGE_ROWS, PAGE_ROWS).then((answer) => this.arrived(page, answer));
      }
    }
  }

  /** Ignores what is still on its way: the view moved to another order or went away. */
  stop(): void {
    this.stopped = true;
  }

  private arrived(page: number, answer: TablePage | null): void {
    this.loading.delete(page);
    if (this.stopped) return;
    if (answer === null) {
      this.stopped = true;
      return this.events.gone();
    }
    this.pages.set(
      page,
      answer.rows.map((row, i) => ({ row, index: answer.indices[i] })),
    );
    for (const oldest of this.pages.keys()) {
      if (this.pages.size <= MAX_PAGES) break;
      this.pages.delete(oldest);
    }
    this.events.changed();
  }
}
