import { z } from "zod";
import { changelogKinds } from "../shared/labels.ts";
import { IsoDateSchema } from "./dates.ts";

/**
 * One entry of the archive's changelog (content/changelog.yaml): shown on /changelog/, in the
 * Atom feed /changelog.xml, and — for entries about a notice — on that notice's page. A notice
 * corrected after publication keeps its URL; its `corrected` entries say what changed and when.
 * Entries are never edited after publication except to fix their own wording; a new fact is a
 * new entry.
 */
export const ChangelogEntrySchema = z
  .object({
    /** Day the change was published, "YYYY-MM-DD" (quoted). */
    date: IsoDateSchema,
    /** added | corrected | changed. */
    kind: z.enum(changelogKinds),
    /**
     * Id of the notice the entry is about, `{year}-{slug}` as in content/notices/{id}.mdx
     * (e.g. 2019-quanguo). Omitted for changes to the archive as a whole.
     */
    notice: z
      .string()
      .regex(/^\d{4}-[a-z][a-z0-9-]*$/, "a notice id {year}-{slug}, e.g. 2019-quanguo")
      .optional(),
    /** One line, in Chinese: what changed (the feed entry's title). */
    summary: z.string().min(4),
    /**
     * Optional longer explanation in plain text: for a correction, what the text or value was
     * before, what it is now, and on what evidence.
     */
    details: z.string().min(4).optional(),
  })
  .strict();

export type ChangelogEntry = z.infer<typeof ChangelogEntrySchema>;

/** The whole file: a list of entries, in any order (pages sort them newest first). */
export const ChangelogSchema = z.array(ChangelogEntrySchema);
