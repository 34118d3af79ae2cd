import { wrapText } from "./format.js";

/**
 * Where a link goes: a document or an entity (person, organization, topic, region), or the
 * stored page text a document was read from.
 */
export type Target =
  | { screen: "document"; id: string }
  | { screen: "entity"; id: string }
  | { screen: "source"; id: string };

/** A half-open range [start, end) of UTF-16 code units (JavaScript string offsets). */
export interface TextRange {
  start: number;
  end: number;
}

/** One screen line of a document or entity page, already wrapped to the width. */
export interface PageLine {
  text: string;
  style?: "title" | "heading" | "muted";
  link?: Target;
  /** Parts of `text` shown marked (inverse video): the characters a field was read from. */
  marks?: readonly TextRange[];
}

/** Builds page lines, wrapping text to the width; the builders below only say what to show. */
export class PageBuilder {
  readonly lines: PageLine[] = [];
  constructor(readonly width: number) {}

  title(text: string): this {
    for (const line of wrapText(text, this.width)) this.lines.push({ text: line, style: "title" });
    return this;
  }

  heading(text: string): this {
    if (this.lines.length > 0) this.lines.push({ text: "" });
    this.lines.push({ text, style: "heading" });
    return this;
  }

  /** "Label: value", wrapped with the value indented under itself. Skipped when there is no value. */
  field(label: string, value: string | undefined | null): this {
    if (value === undefined || value === null || value === "") return this;
    const prefix = `${label}: `;
    const wrapped = wrapText(value, Math.max(10, this.width - prefix.length));
    wrapped.forEach((line, index) => {
      this.lines.push({ text: (index === 0 ? prefix : " ".repeat(prefix.length)) + line });
    });
    return this;
  }

  /**
   * "Label: value" on one line, spacing kept and cut at the width: for values whose spaces mean
   * something, such as a sparkline's empty years, which wrapping would squeeze out.
   */
  exactField(label: string, value: string): this {
    const characters = [...`${label}: ${value}`];
    this.lines.push({ text: characters.slice(0, Math.max(1, this.width)).join("") });
    return this;
  }

  paragraph(text: string, style?: PageLine["style"]): this {
    for (const line of wrapText(text, this.width))
      this.lines.push(style ? { text: line, style } : { text: line });
    return this;
  }

  /** One selectable line; long link text is cut by the view, not wrapped, so one link = one line. */
  link(text: string, target: Target): this {
    this.lines.push({ text: `→ ${text}`, link: target });
    return this;
  }

  blank(): this {
    this.lines.push({ text: "" });
    return this;
  }
}

export function entityTarget(id: string): Target {
  return { screen: "entity", id };
}

export function documentTarget(id: string): Target {
  return { screen: "document", id };
}
