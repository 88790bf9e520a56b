/** src/shared/year-gaps.ts: the words both timelines give a run of years the archive lacks. */
import { expect, test } from "vitest";
import { gapText, yearSpan } from "../../../src/shared/year-gaps.ts";

test("a run reads oldest year first, with the page's dash; a single year alone", () => {
  expect(yearSpan({ from: 1992, to: 1985, status: "not-held" }, "–")).toBe("1985–1992");
  expect(yearSpan({ from: 1992, to: 1985, status: "not-held" }, "—")).toBe("1985—1992");
  expect(yearSpan({ from: 2001, to: 2001, status: "unrecorded" }, "–")).toBe("2001");
});

test.each([
  ["not-held", 1985, {}, "未举办“质量月”"],
  ["unknown", 1993, {}, "是否举办无资料"],
  ["unrecorded", 1997, { firstYear: true }, "已举办，本档案暂无资料"],
  ["unrecorded", 1978, { firstYear: true }, "已举办（首届为1978年9月），本档案暂无资料"],
  ["unrecorded", 1978, {}, "已举办，本档案暂无资料"],
])("%s reaching back to %i: %o", (status, to, words, text) => {
  expect(gapText({ from: 1984, to, status }, { lacking: "资料", ...words })).toBe(text);
});

test("the themes page says what it lacks in its own word", () => {
  expect(gapText({ from: 2001, to: 1997, status: "unrecorded" }, { lacking: "主题资料" })).toBe(
    "已举办，本档案暂无主题资料",
  );
});
