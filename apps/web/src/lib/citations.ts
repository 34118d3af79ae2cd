export const citationFormats = [
  { value: "bibtex", label: "BibTeX", extension: "bib", mediaType: "application/x-bibtex" },
  { value: "ris", label: "RIS", extension: "ris", mediaType: "application/x-research-info-systems" },
  {
    value: "csl-json",
    label: "CSL-JSON",
    extension: "json",
    mediaType: "application/vnd.citationstyles.csl+json",
  },
  { value: "apa", label: "APA", extension: "txt", mediaType: "text/plain" },
] as const;

export type CitationFormatValue = (typeof citationFormats)[number]["value"];

export function citationFormat(value: string) {
  return citationFormats.find((item) => item.value === value);
}

/** "doc:korea-talks-1a2b3c4d" + bibtex -> "korea-talks-1a2b3c4d.bib": safe as a download name. */
export function citationFileName(id: string, format: CitationFormatValue): string {
  const slug =
    id
      .slice(id.indexOf(":") + 1)
      .replace(/[^\p{L}\p{N}-]+/gu, "-")
      .slice(0, 80) || "citation";
  return `${slug}.${citationFormat(format)?.extension ?? "txt"}`;
}
