import { promptParts } from "./prompt_parts.ts";

/** A prompt with its fill-in blanks drawn as blanks rather than underscores. */
export function PromptText({ text, blank }: { text: string; blank: string }) {
  return (
    <>
      {promptParts(text).map((part, i) =>
        part === null
          ? (
            <span key={i} class="blank">
              <span class="sr-only">{blank}</span>
            </span>
          )
          : part
      )}
    </>
  );
}
