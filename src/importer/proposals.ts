/**
 * Issuers the registry does not know yet, proposed as registry entries: the importer never
 * drops a body it cannot resolve, and never maps it to a look-alike. Each proposal has the
 * permanent id, the full name, the level and the region (GB/T 2260 code) the registry needs;
 * `npm run import -- … --add-issuers` appends them to content/issuers/issuers.yaml.
 *
 *   浙江省市场监督管理局 (in any notice)       → zhejiang-amr, provincial, 330000
 *   省市场监督管理局 (in a Zhejiang notice)     → zhejiang-amr, name 浙江省市场监督管理局, alias 省市场监督管理局
 *   福州市质量强市工作领导小组办公室           → fujian-fuzhou-zlqsgzldxzbgs, municipal, 350100
 *
 * An id's ending follows the registry's own ids for the same kind of body in another region
 * (hainan-amr → zhejiang-amr); a kind of body the registry has not met gets the initials of its
 * name's pinyin. Ids appear in URLs (/issuers/{id}/): the archivist checks each before adding.
 */
import { pinyin } from "pinyin-pro";
import { issuerRegionCode, type IssuerIndex } from "../archive/issuers.ts";
import { compactName } from "../archive/issuer-names.ts";
import { divisionPath, type Division } from "../archive/regions/divisions.ts";
import { regionAt } from "../archive/regions/find.ts";
import { regionSlug } from "../archive/regions/slugs.ts";
import type { Issuer } from "../schemas/issuer.ts";

export type ProposedIssuer = Omit<Issuer, "active" | "predecessor" | "successor">;

/** What a name ends with → the kind of body (src/schemas/issuer.ts). */
const KINDS: readonly [RegExp, Issuer["kind"]][] = [
  [/人民政府$/u, "government"],
  [/(?:办公室|办|领导小组)$/u, "office"],
  [/(?:银行|支行|分行)$/u, "bank"],
  [/海关$/u, "customs"],
  [/(?:工会|联合会|工商联|联社|合作社|协会|学会|商会|研究院|委员会办公室)$/u, "organization"],
];

/** The level words a generic name starts with, and the division level each stands for. */
const GENERIC_PREFIX: readonly [RegExp, Division["level"]][] = [
  [/^(?:省|自治区)/u, "provincial"],
  [/^(?:市|州|盟)/u, "municipal"],
  [/^(?:区|县|旗)/u, "county"],
];

function kindOf(name: string): Issuer["kind"] {
  return KINDS.find(([re]) => re.test(name))?.[1] ?? "department";
}

/** The part of a full name after its region: 海南省市场监督管理局 → 市场监督管理局. */
function stemOf(name: string): string | undefined {
  const match = regionAt(name);
  return match ? name.slice(match.matched.length) : undefined;
}

/** Lowercase initials of the pinyin of a name: 质量强省办 → zlqsb. */
function initials(text: string): string {
  return pinyin(text, { pattern: "first", toneType: "none", type: "array", nonZh: "removed" })
    .join("")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/**
 * A registry entry for a body the text names but the registry does not know, or undefined when
 * the name cannot stand for a body (too short). `name` is read in simplified characters, `printed`
 * as the text prints it (an alias when it differs: a traditional-script text); `notice` gives
 * the notice's region (for generic names); `taken` holds ids already in use.
 */
export function proposeIssuer(
  read: string,
  printed: string,
  notice: { regionCode?: string | undefined; level?: string | undefined },
  index: IssuerIndex,
  taken: ReadonlySet<string>,
): ProposedIssuer | undefined {
  const name = compactName(read);
  if (name.length < 2) return undefined;
  let fullName = name;
  let division: Division | undefined;
  let basis: string | undefined;
  const named = regionAt(name);
  if (named?.candidates.length === 1) {
    division = named.candidates[0];
  } else if (notice.regionCode) {
    // A generic name (省市场监督管理局) means the body of the notice's own region at that level.
    const path = divisionPath(notice.regionCode);
    const prefix = GENERIC_PREFIX.find(([re]) => re.test(name));
    const level = prefix?.[1];
    division = level ? path.find((d) => d.level === level) : path.at(-1);
    // 上海市 is both a province and its own city: 市… in a Shanghai notice is the province's.
    if (!division && level === "municipal") division = path.find((d) => d.name.endsWith("市"));
    if (division && prefix) {
      fullName = division.name + name.replace(prefix[0], "");
      basis = `通知所属地区为${divisionPath(division.code)
        .map((d) => d.name)
        .join("")}，原文写作“${name}”`;
    } else if (division) {
      basis = `原文写作“${name}”，未载地区；据通知所属地区归入${division.name}`;
    }
  }
  const level = division?.level ?? notice.level ?? "national";
  const regionCode = division?.code;
  const kind = kindOf(fullName);

  // The id: region slug + the ending the registry uses for the same kind of body elsewhere.
  const stem = stemOf(fullName) ?? fullName;
  const analogue = [...index.byId.values()].find(
    (i) => i.level !== "national" && issuerRegionCode(i) && stemOf(i.name) === stem,
  );
  const analogueRegion = analogue && issuerRegionCode(analogue);
  const ending =
    analogue && analogueRegion && analogue.id.startsWith(`${regionSlug(analogueRegion)}-`)
      ? analogue.id.slice(regionSlug(analogueRegion).length + 1)
      : initials(stem);
  const base = regionCode ? `${regionSlug(regionCode)}-${ending}` : ending;
  let id = base;
  for (let k = 2; taken.has(id) || index.byId.has(id); k++) id = `${base}-${k}`;

  const aliases = [...new Set([name, compactName(printed)])].filter((a) => a !== fullName);
  const proposal: ProposedIssuer = {
    id,
    name: fullName,
    aliases,
    kind,
    level: level as Issuer["level"],
  };
  if (division) {
    proposal.region = division.name;
    proposal.regionCode = division.code;
  }
  if (basis) proposal.note = `${basis}；全称据此拟定，待核。`;
  return proposal;
}

/** The division a proposal's region code names (for the report). */
export function proposalRegion(p: ProposedIssuer): string | undefined {
  return p.regionCode
    ? divisionPath(p.regionCode)
        .map((d) => d.name)
        .join("")
    : undefined;
}

/** What the name of a body ends with: 局, 厅, 委员会, 办公室, 人民政府, 海关 … */
const BODY_NAME =
  /^[\p{Script=Han}（）()]{2,40}?(?:局|厅|委员会|委|办公室|办|部|署|银行|支行|分行|海关|联合会|工商联|联社|工会|协会|学会|商会|总会|人民政府|领导小组|中心|研究院|法院|检察院)$/u;

/** True when a printed name reads as the name of a body (registered or not). */
export function looksLikeBodyName(name: string): boolean {
  const compact = compactName(name);
  return BODY_NAME.test(compact) && !/^(?:各|有关|全|本|我|该|此|其)/u.test(compact);
}
