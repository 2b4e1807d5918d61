/** Copies a folder tree (tests that need a changed copy of the fixtures). */
export async function copy(from: string, to: string): Promise<void> {
  await Deno.mkdir(to, { recursive: true });
  for await (const e of Deno.readDir(from)) {
    const src = `${from.replace(/\/$/, "")}/${e.name}`;
    const dst = `${to}/${e.name}`;
    if (e.isDirectory) await copy(src, dst);
    else if (e.isFile) await Deno.copyFile(src, dst);
  }
}
