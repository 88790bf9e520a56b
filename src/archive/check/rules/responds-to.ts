/** `respondsTo` names the document number of a notice the archive holds. */
import type { ArchiveRule } from "../rule.ts";

export const respondsTo: ArchiveRule = (notices) => {
  const held = [...new Set(notices.flatMap((n) => (n.data.docNumber ? [n.data.docNumber] : [])))];
  return notices.flatMap((n) => {
    const target = n.data.respondsTo;
    if (!target || held.includes(target)) return [];
    return [
      {
        file: n.file,
        field: "respondsTo",
        expected: "the document number of a notice held in the archive",
        received: target,
        hint: `held: ${held.join("、") || "none"}. Import that notice first, or remove respondsTo`,
      },
    ];
  });
};
