import { BATCHABLE, type HostileInput } from "./hostile-inputs";

/** The payloads of hostile-inputs.ts, cut and packed to fit the fields they go into. */

/** A visible marker before payload `index` in a batch, to check afterwards that nothing swallowed the ones after it. */
export const batchMarker = (index: number) => `Proef-${index + 1}-einde`;

/**
 * The payloads as Markdown texts of at most `max` characters each: every
 * payload in its own paragraph after its marker, so one unclosed construct
 * cannot hide the rest unnoticed.
 */
export function markdownBatches(inputs: readonly HostileInput[], max: number): string[] {
  const batches: string[] = [];
  let current = "";
  inputs.forEach((input, index) => {
    const part = `${batchMarker(index)}\n\n${input.text}\n\n`;
    if (current && current.length + part.length > max) {
      batches.push(current);
      current = "";
    }
    current += part;
  });
  if (current) batches.push(current);
  return batches;
}

/** Short payloads (a single line, no control characters a text field drops) packed into texts of at most `max` characters, for titles and names. */
export function shortPayloads(max: number): string[] {
  const fit = BATCHABLE.map((input) => input.text.replace(/\s+/g, " ").trim()).filter((text) => text.length >= 1 && text.length <= max);
  const packed: string[] = [];
  let current = "";
  for (const text of fit) {
    if (current && current.length + 1 + text.length > max) {
      packed.push(current);
      current = "";
    }
    current = current ? `${current} ${text}` : text;
  }
  if (current) packed.push(current);
  return packed;
}

/**
 * `text` cut to what a `max`-character limit accepts once the browser has
 * sent every line break as CR LF (two characters), for fields whose server
 * counts them that way.
 */
export function fitForTextarea(text: string, max: number): string {
  let length = 0;
  let end = 0;
  while (end < text.length && length + (text[end] === "\n" ? 2 : 1) <= max) length += text[end++] === "\n" ? 2 : 1;
  return text.slice(0, end);
}
