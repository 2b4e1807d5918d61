import assert from "node:assert/strict";
import {
  compareRoutes,
  decodeParams,
  splitRoutePath,
  toPathname,
} from "./router.ts";

const order = (files: string[]) =>
  files.toSorted((a, b) =>
    compareRoutes(splitRoutePath(a).segments, splitRoutePath(b).segments)
  );

Deno.test("toPathname() maps Fresh file syntax to URL patterns", () => {
  assert.deepEqual(toPathname(["index"]), {
    pathname: "/",
    matcher: "/",
    dynamic: false,
  });
  assert.deepEqual(toPathname(["courses", "index"]), {
    pathname: "/courses",
    matcher: "/courses",
    dynamic: false,
  });
  assert.deepEqual(toPathname(["(app)", "courses", "[id]"]), {
    pathname: "/courses/:id",
    matcher: "/courses/:id([^/]+)",
    dynamic: true,
  });
  assert.deepEqual(toPathname(["docs", "[[lang]]"]), {
    pathname: "/docs{/:lang}?",
    matcher: "/docs{/:lang([^/]+)}?",
    dynamic: true,
  });
  assert.deepEqual(toPathname(["files", "[...path]"]), {
    pathname: "/files/:path*",
    matcher: "/files/:path*",
    dynamic: true,
  });
  assert.deepEqual(toPathname(["foo.bar"]), {
    pathname: "/foo.bar",
    matcher: "/foo.bar",
    dynamic: false,
  });
});

Deno.test("compareRoutes(): literal beats [param] beats [[optional]] beats [...rest]", () => {
  assert.deepEqual(
    order([
      "./routes/[...all].tsx",
      "./routes/[[opt]].tsx",
      "./routes/[id].tsx",
      "./routes/about.tsx",
    ]),
    [
      "./routes/about.tsx",
      "./routes/[id].tsx",
      "./routes/[[opt]].tsx",
      "./routes/[...all].tsx",
    ],
  );
  assert.deepEqual(
    order([
      "./routes/users/[id].tsx",
      "./routes/users/new.tsx",
      "./routes/[...all].tsx",
      "./routes/users/index.tsx",
    ]),
    [
      "./routes/users/index.tsx",
      "./routes/users/new.tsx",
      "./routes/users/[id].tsx",
      "./routes/[...all].tsx",
    ],
  );
});

Deno.test("decodeParams() decodes and rejects malformed escapes", () => {
  assert.deepEqual(decodeParams({ id: "%E5%BC%A0", rest: undefined }), {
    id: "张",
    rest: "",
  });
  assert.throws(() => decodeParams({ id: "%E0%A4%A" }), URIError);
});

Deno.test("toPathname() writes mixed segments as Fresh does", () => {
  assert.equal(toPathname(["post-[id]"]).pathname, "/post-:id");
  assert.equal(toPathname(["[id]x"]).pathname, "/{:id}x");
  for (const form of ["pathname", "matcher"] as const) {
    const m = new URLPattern({ pathname: toPathname(["[id]x"])[form] })
      .exec({ pathname: "/42x" });
    assert.equal(m?.pathname.groups.id, "42", form);
  }
});
