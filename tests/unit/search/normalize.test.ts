/**
 * Search normalisation (src/search/normalize.ts): what counts as the same text, and the map
 * back to the original characters that excerpts and highlights rely on.
 */
import { describe, expect, test } from "vitest";
import {
  foldChar,
  matchRanges,
  normalize,
  normalizeWithMap,
  occurrences,
  parseT2S,
  serializeT2S,
} from "../../../src/search/normalize.ts";

const t2s = parseT2S("質质強强國国發发號号監监優优營营環环");

describe("normalize", () => {
  test.each([
    ["双随机、一公开", "双随机一公开"],
    ["双随机 一公开", "双随机一公开"],
    ["国市监质发〔2022〕76号", "国市监质发202276号"],
    ["国市监质发[2022]76号", "国市监质发202276号"],
    ["国市监质发(2022)76号", "国市监质发202276号"],
    ["国市监质发（2022）76号", "国市监质发202276号"],
    ["QC小组", "qc小组"],
    ["ＱＣ小组", "qc小组"],
    ["１２３１５平台", "12315平台"],
    ["“质量月”", "质量月"],
    ["Café", "cafe"],
    ["①", "1"],
    ["", ""],
    ["，。、；：！？", ""],
  ])("%s → %s", (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  test("traditional characters become simplified through the map", () => {
    expect(normalize("質量強國", t2s)).toBe("质量强国");
    expect(normalize("國市監質發〔2022〕76號", t2s)).toBe("国市监质发202276号");
    expect(normalize("質量強國")).toBe("質量強國");
  });

  test("characters outside the Basic Multilingual Plane count as one", () => {
    expect(normalize("𠀀a")).toBe("𠀀a");
    const n = normalizeWithMap("𠀀、b");
    expect(n.text).toBe("𠀀b");
    expect(n.start).toEqual([0, 0, 3]);
    expect(n.end).toEqual([2, 2, 4]);
  });

  test("copying runs of ideographs whole folds exactly as character by character", () => {
    // normalize copies runs of unified ideographs, a–z and 0–9 at once; normalizeWithMap folds
    // every character. Edge characters of the copied range and characters NFKC changes:
    const text = "一龥\u9fa6\u9fff\u4dbf\u3400\ua000豈\uf900\u{2f800}𠀀ｱ㈠Ⅻﬁ İ ǅ e\u0301 Z9９質量強國發a-z_0";
    for (const map of [t2s, new Map<string, string>()]) {
      expect(normalize(text, map)).toBe(normalizeWithMap(text, map).text);
      for (const char of text) expect(normalize(char, map)).toBe(foldChar(char, map));
    }
  });

  test("foldChar drops what is not a letter or a digit", () => {
    expect(foldChar(" ")).toBe("");
    expect(foldChar("〔")).toBe("");
    expect(foldChar("Ａ")).toBe("a");
  });
});

describe("normalizeWithMap", () => {
  test("every kept character points back to its original range", () => {
    const text = "健全“双随机、一公开”监管";
    const n = normalizeWithMap(text);
    expect(n.text).toBe("健全双随机一公开监管");
    for (let i = 0; i < n.text.length; i++) {
      expect(normalize(text.slice(n.start[i], n.end[i]))).toBe(n.text[i]);
    }
  });

  test("matchRanges marks the original text, punctuation inside the match included", () => {
    const text = "健全“双随机、一公开”、“互联网+监管”";
    const [range] = matchRanges(normalizeWithMap(text), ["双随机一公开"]);
    expect(text.slice(range!.start, range!.end)).toBe("双随机、一公开");
  });

  test("overlapping and touching matches merge; several words are all marked", () => {
    const text = "质量强国建设，建设质量强国";
    const ranges = matchRanges(normalizeWithMap(text), ["质量强国", "国建设"]);
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(["质量强国建设", "质量强国"]);
  });
});

describe("occurrences", () => {
  test("counts overlapping occurrences", () => {
    expect(occurrences("aaaa", "aa")).toEqual([0, 1, 2]);
    expect(occurrences("abc", "")).toEqual([]);
  });
});

test("the map's wire format round-trips", () => {
  expect(parseT2S(serializeT2S(t2s))).toEqual(t2s);
  expect(() => parseT2S("質")).toThrow();
});
