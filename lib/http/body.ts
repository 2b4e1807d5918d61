/** Request body helpers that refuse oversized or malformed input before parsing. */
import { DomainError, type ErrorCode } from "@/lib/errors.ts";

/** The outcome of reading a JSON body; a failure names its code (lib/errors.ts). */
export type JsonBody = { ok: true; value: unknown } | {
  ok: false;
  status: 413 | 415 | 400;
  code: ErrorCode;
  /** For logs only. */
  error: string;
};

/** Reads a JSON body of at most `maxBytes`, without trusting Content-Length. */
export async function readJsonBody(
  req: Request,
  maxBytes: number,
): Promise<JsonBody> {
  if (!(req.headers.get("content-type") ?? "").includes("application/json")) {
    return {
      ok: false,
      status: 415,
      code: "body-unsupported",
      error: "Content-Type must be application/json",
    };
  }
  const declared = Number(req.headers.get("content-length") ?? "0");
  const bytes = declared > maxBytes
    ? null
    : await readAtMost(req.body, maxBytes);
  if (!bytes) {
    return {
      ok: false,
      status: 413,
      code: "body-too-large",
      error: `Body is larger than ${maxBytes} bytes`,
    };
  }
  try {
    return {
      ok: true,
      value: JSON.parse(
        new TextDecoder("utf-8", { fatal: true }).decode(bytes),
      ),
    };
  } catch {
    return {
      ok: false,
      status: 400,
      code: "body-not-json",
      error: "Body is not valid UTF-8 JSON",
    };
  }
}

/**
 * Reads a body stream whole, without trusting Content-Length, or returns
 * null as soon as it passes `maxBytes` (the stream is then cancelled, with
 * `alsoCancel`: the other branch of a tee, whose cancel would otherwise
 * wait for this one forever). An absent body reads as empty.
 */
export async function readAtMost(
  stream: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  alsoCancel?: ReadableStream<Uint8Array> | null,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream?.getReader();
  if (reader) {
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      size += r.value.byteLength;
      if (size > maxBytes) {
        await Promise.all([reader.cancel(), alsoCancel?.cancel()]);
        return null;
      }
      chunks.push(r.value);
    }
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes;
}

/** A route asked for a form the request does not carry (wrong type, unparseable). */
export class UnreadableFormError extends DomainError {
  constructor(readonly status: 400 | 415, message: string) {
    super(status === 415 ? "body-unsupported" : "body-unreadable", message);
    this.name = "UnreadableFormError";
  }
}

const FORM_TYPE = /application\/x-www-form-urlencoded|multipart\/form-data/;

/**
 * Makes `req.formData()` fail with an UnreadableFormError (mapped to 415 or
 * 400 with its page) instead of the TypeError Deno throws for a JSON, plain
 * text or broken multipart body, which would surface as a 500. Called once,
 * by the root middleware, for every state-changing request, so a form
 * route cannot forget it.
 */
export function guardFormReading(req: Request): void {
  const read = req.formData.bind(req);
  Object.defineProperty(req, "formData", {
    configurable: true,
    value: async (): Promise<FormData> => {
      if (!FORM_TYPE.test(req.headers.get("content-type") ?? "")) {
        throw new UnreadableFormError(
          415,
          "This address takes a form (application/x-www-form-urlencoded or multipart/form-data)",
        );
      }
      try {
        return await read();
      } catch {
        throw new UnreadableFormError(400, "The form could not be read");
      }
    },
  });
}
