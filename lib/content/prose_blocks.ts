/**
 * A lesson body's prose, block by block, for the checks that point at a
 * source line (images without alt text, markup that survives rendering).
 * Code blocks and blank runs are left out: markup there is what the lesson
 * shows on purpose.
 *
 * @module
 */
import { Lexer } from "marked";

/** One prose block: its Markdown source and the file line it starts on. */
export interface ProseBlock {
  raw: string;
  line: number;
}

/** The prose blocks of `body`, whose first line is file line `bodyLine`. */
export function* proseBlocks(
  body: string,
  bodyLine: number,
): Generator<ProseBlock> {
  let line = bodyLine;
  for (const token of new Lexer({ gfm: true }).lex(body)) {
    const start = line;
    line += (token.raw.match(/\n/g) ?? []).length;
    if (token.type === "code" || token.type === "space") continue;
    yield { raw: token.raw, line: start };
  }
}
