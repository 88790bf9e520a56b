/**
 * The header box's hand-over to the search page (src/search/handoff.ts): taken once, only by
 * the search it was made for, on the same index, while fresh.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { NoticeMatch } from "../../../src/search/core.ts";
import { handoffWaiting, takeHandoff, writeHandoff } from "../../../src/search/handoff.ts";

/** sessionStorage as the browser has it, for node. */
class MemoryStorage {
  private items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const match: NoticeMatch = {
  key: {
    ordinal: 3,
    id: "2022-quanguo",
    year: 2022,
    fieldStarts: [0, 55, 100, 716, 750, 1130],
    level: "national",
    region: "",
    issuers: ["samr", "most"],
  },
  count: 12,
  titleHit: true,
  fields: ["all", "theme"],
};
const result = { matches: [match], titleOnly: [match.key] };

describe("hand-over", () => {
  beforeEach(() => vi.stubGlobal("sessionStorage", new MemoryStorage()));
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  test("the same search on the same index takes the results, once", () => {
    writeHandoff("tag1", "质量强国", "all", result);
    expect(handoffWaiting("质量强国", "all")).toBe(true);
    expect(handoffWaiting("质量强国", "theme")).toBe(false);
    expect(takeHandoff("tag1", "质量强国", "all")).toEqual(result);
    expect(handoffWaiting("质量强国", "all")).toBe(false);
    expect(takeHandoff("tag1", "质量强国", "all")).toBeUndefined();
  });

  test.each([
    ["another index", "tag2", "质量强国", "all"],
    ["another query", "tag1", "质量", "all"],
    ["another scope", "tag1", "质量强国", "theme"],
  ] as const)("%s: nothing, and the entry is gone", (_, tag, q, scope) => {
    writeHandoff("tag1", "质量强国", "all", result);
    expect(takeHandoff(tag, q, scope)).toBeUndefined();
    expect(takeHandoff("tag1", "质量强国", "all")).toBeUndefined();
  });

  test("an entry older than a minute is not used", () => {
    vi.useFakeTimers();
    writeHandoff("tag1", "质量强国", "all", result);
    vi.advanceTimersByTime(61_000);
    expect(takeHandoff("tag1", "质量强国", "all")).toBeUndefined();
  });

  test("a damaged entry, or no storage at all, is no hand-over", () => {
    sessionStorage.setItem("zly:search-handoff", "{not json");
    expect(takeHandoff("tag1", "质量强国", "all")).toBeUndefined();
    vi.stubGlobal("sessionStorage", undefined);
    expect(() => writeHandoff("tag1", "质量强国", "all", result)).not.toThrow();
    expect(takeHandoff("tag1", "质量强国", "all")).toBeUndefined();
    expect(handoffWaiting("质量强国", "all")).toBe(false);
  });
});
