/** Request body helpers that refuse oversized or malformed input before parsing. */

/** The outcome of reading a JSON body. */
export type JsonBody = { ok: true; value: unknown } | {
  ok: false;
  status: 413 | 415 | 400;
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
      error: "Content-Type must be application/json",
    };
  }
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) {
    return {
      ok: false,
      status: 413,
      error: `Body is larger than ${maxBytes} bytes`,
    };
  }
  const reader = req.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      size += r.value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return {
          ok: false,
          status: 413,
          error: `Body is larger than ${maxBytes} bytes`,
        };
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
  try {
    return {
      ok: true,
      value: JSON.parse(
        new TextDecoder("utf-8", { fatal: true }).decode(bytes),
      ),
    };
  } catch {
    return { ok: false, status: 400, error: "Body is not valid UTF-8 JSON" };
  }
}
