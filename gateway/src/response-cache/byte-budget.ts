/**
 * Entries held within a budget of bytes, the least recently used dropped first to make room; an
 * entry over 1/16 of the budget is not held (one large answer must not empty the cache). A Map
 * keeps insertion order: the least recently used is its first entry.
 */
export class ByteBudget<V extends { bytes: number }> {
  private readonly entries = new Map<string, V>();
  private used = 0;

  constructor(private readonly maxBytes: number) {}

  /** The entry under `key`, now the most recently used. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** Holds `entry` under `key` (replacing any), making room; false when it is too large to hold. */
  set(key: string, entry: V): boolean {
    if (entry.bytes > this.maxBytes / 16) return false;
    this.delete(key);
    while (this.used + entry.bytes > this.maxBytes) {
      const [oldest] = this.entries.keys();
      this.delete(oldest!);
    }
    this.entries.set(key, entry);
    this.used += entry.bytes;
    return true;
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.used -= entry.bytes;
  }

  /** Bytes held now. */
  get bytes(): number {
    return this.used;
  }
}
