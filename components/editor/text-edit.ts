import { toEdit, type TextState } from "./markdown-commands";

/** The textarea's text and selection, as the pure commands take them. */
export function readTextState(textarea: HTMLTextAreaElement): TextState {
  return { value: textarea.value, selectionStart: textarea.selectionStart, selectionEnd: textarea.selectionEnd };
}

/**
 * Puts a command's result into the textarea as if typed: through
 * execCommand("insertText") where the browser has it, so Ctrl+Z undoes it and
 * React hears an input event; otherwise setRangeText and an input event of our own.
 */
export function writeTextState(textarea: HTMLTextAreaElement, next: TextState) {
  const edit = toEdit(readTextState(textarea), next);
  textarea.focus();
  if (edit.start !== edit.end || edit.text) {
    textarea.setSelectionRange(edit.start, edit.end);
    let inserted = false;
    try {
      inserted = typeof document.execCommand === "function" && document.execCommand("insertText", false, edit.text);
    } catch {
      inserted = false;
    }
    if (!inserted) {
      textarea.setRangeText(edit.text, edit.start, edit.end, "end");
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    }
  }
  textarea.setSelectionRange(edit.selectionStart, edit.selectionEnd);
}
