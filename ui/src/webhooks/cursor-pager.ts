/** Paging over the inbox's cursors: the API gives the next (older) page's cursor; "newer" retraces the ones used. */
export class CursorPager {
  /** The current page's cursor; undefined for the first page. */
  cursor: string | undefined;
  #previous: string[] = [];

  get hasNewer(): boolean {
    return this.#previous.length > 0;
  }

  older(nextCursor: string | undefined): void {
    if (!nextCursor) return;
    this.#previous.push(this.cursor ?? '');
    this.cursor = nextCursor;
  }

  newer(): void {
    this.cursor = this.#previous.pop() || undefined;
  }

  reset(): void {
    this.#previous = [];
    this.cursor = undefined;
  }
}
