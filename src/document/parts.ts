/**
 * The parts of an official document (GB/T 9704-2012 党政机关公文格式) that are not running text,
 * in the order they stand in a notice: the one list the importer, the anchors plugin, the
 * archive check, the text model, comparisons, search and the document components all read.
 *
 *   importer kind   MDX component      anchor        label
 *   masthead        <Masthead>          #masthead     发文机关标志
 *   title           a `#` heading       #title        标题
 *   signature       <Signature>         #signature    署名
 *
 * Anchors are published (README, “The URL promise”): never change one.
 */

export interface DocumentPart {
  /** What the importer calls the part (src/importer/structure.ts). */
  kind: string;
  /** The MDX component a notice's body writes it as; the title is a `#` heading instead. */
  component?: string;
  /** Its permanent anchor on the notice page; its paragraphs are `{anchor}-p{n}`. */
  anchor: string;
  /** Its Chinese name (section labels, search results, comparisons). */
  label: string;
  /** False for the web page's 公开信息 block: it describes the document but is not its text. */
  documentText: boolean;
  /**
   * True when its lines are wording a drafter writes and carries over (标题, 主送, 附件说明),
   * false for the document's furniture (版头, 发文字号, 署名, 成文日期, 附注, 版记), whose lines
   * repeat from notice to notice without being wording. Sentence lineage counts only wording.
   */
  wording: boolean;
}

export const DOCUMENT_PARTS = [
  {
    kind: "meta",
    component: "GovMeta",
    anchor: "meta",
    label: "公开信息",
    documentText: false,
    wording: false,
  },
  {
    kind: "masthead",
    component: "Masthead",
    anchor: "masthead",
    label: "发文机关标志",
    documentText: true,
    wording: false,
  },
  {
    kind: "docNumber",
    component: "DocNumber",
    anchor: "docnumber",
    label: "发文字号",
    documentText: true,
    wording: false,
  },
  { kind: "title", anchor: "title", label: "标题", documentText: true, wording: true },
  {
    kind: "recipients",
    component: "Recipients",
    anchor: "recipients",
    label: "主送机关",
    documentText: true,
    wording: true,
  },
  {
    kind: "attachmentNote",
    component: "AttachmentNote",
    anchor: "attachments",
    label: "附件说明",
    documentText: true,
    wording: true,
  },
  {
    kind: "signature",
    component: "Signature",
    anchor: "signature",
    label: "署名",
    documentText: true,
    wording: false,
  },
  {
    kind: "signedDate",
    component: "SignedDate",
    anchor: "date",
    label: "成文日期",
    documentText: true,
    wording: false,
  },
  {
    kind: "publicity",
    component: "Publicity",
    anchor: "publicity",
    label: "附注",
    documentText: true,
    wording: false,
  },
  {
    kind: "imprint",
    component: "Imprint",
    anchor: "imprint",
    label: "版记",
    documentText: true,
    wording: false,
  },
] as const satisfies readonly DocumentPart[];

type Part = (typeof DOCUMENT_PARTS)[number];

/** Importer kinds: meta, masthead, docNumber, title … */
export type PartKind = Part["kind"];
/** Parts written as an MDX component (all but the title). */
type ComponentPart = Extract<Part, { component: string }>;
/** Their component names: GovMeta, Masthead … */
export type PartComponent = ComponentPart["component"];

/** An attachment (附件N) wraps its text in this component; `n` is its number as printed. */
export const ATTACHMENT_COMPONENT = "Attachment";

/** Every component a notice's body may use, with the attributes it may carry (literal strings). */
export const COMPONENT_ATTRIBUTES: ReadonlyMap<string, readonly string[]> = new Map<
  string,
  readonly string[]
>([
  [ATTACHMENT_COMPONENT, ["n"]],
  ...DOCUMENT_PARTS.flatMap((p): [string, readonly string[]][] =>
    "component" in p ? [[p.component, []]] : [],
  ),
]);

const byComponent = new Map<string, Part>(
  DOCUMENT_PARTS.flatMap((p) => ("component" in p ? [[p.component, p] as const] : [])),
);
const byAnchor = new Map<string, Part>(DOCUMENT_PARTS.map((p) => [p.anchor, p]));
const byKind = new Map<string, Part>(DOCUMENT_PARTS.map((p) => [p.kind, p]));

/** The part an MDX component writes, if it is one (not for Attachment). */
export function partOfComponent(name: string | null | undefined): Part | undefined {
  return name ? byComponent.get(name) : undefined;
}

/** The part with this anchor (`signature`, not `signature-2`). */
export function partOfAnchor(anchor: string): Part | undefined {
  return byAnchor.get(anchor);
}

/** The part the importer calls `kind` (masthead, recipients …), if it is one. */
export function partOfKind(kind: string): Part | undefined {
  return byKind.get(kind);
}

/** The component the importer writes a part as. */
export function componentOfKind(kind: Exclude<PartKind, "title">): PartComponent {
  return (byKind.get(kind) as ComponentPart).component;
}

/** The Chinese name of the part with this anchor. */
export function partLabel(anchor: string): string | undefined {
  return byAnchor.get(anchor)?.label;
}
