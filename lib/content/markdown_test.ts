import assert from "node:assert/strict";
import sanitizeHtml from "sanitize-html";
import {
  createRenderCache,
  renderLesson,
  slugify,
} from "@/lib/content/markdown.ts";

Deno.test("sanitize-html runs under Deno", () => {
  assert.equal(sanitizeHtml("<p>好</p><script>alert(1)</script>"), "<p>好</p>");
});

Deno.test("renderLesson() gives headings ids, self-links and an h2/h3 table of contents", () => {
  const { html, toc } = renderLesson(
    "# 课\n\n## 售前、售中、售后:三个阶段\n\n### FBA 推荐法\n\n#### 细节\n",
  );
  assert.match(
    html,
    /<h2 id="售前售中售后三个阶段">售前、售中、售后:三个阶段<a class="heading-anchor" href="#售前售中售后三个阶段"/,
  );
  assert.match(html, /<h3 id="fba-推荐法">/);
  assert.match(html, /<h4 id="细节">/);
  assert.deepEqual(toc, [
    { id: "售前售中售后三个阶段", text: "售前、售中、售后:三个阶段", level: 2 },
    { id: "fba-推荐法", text: "FBA 推荐法", level: 3 },
  ]);
});

Deno.test("renderLesson() gives the table of contents plain text without markup", () => {
  const { toc } = renderLesson(
    "## 用 **加粗** 与 `<code>` &amp; [链接](/x) <b>标签</b>\n",
  );
  assert.deepEqual(toc, [{
    id: "用-加粗-与-code-链接-标签",
    text: "用 加粗 与 <code> & 链接 标签",
    level: 2,
  }]);
});

Deno.test("renderLesson() numbers duplicate heading ids -2, -3 and avoids literal collisions", () => {
  const { toc } = renderLesson("## 小结\n\n## 小结\n\n## 小结-2\n\n## 小结\n");
  assert.deepEqual(toc.map((entry) => entry.id), [
    "小结",
    "小结-2",
    "小结-2-2",
    "小结-3",
  ]);
});

Deno.test("slugify() keeps CJK and ASCII letters, folds full width and drops punctuation", () => {
  assert.equal(slugify("售前:客服的「三个」阶段!"), "售前客服的三个阶段");
  assert.equal(slugify("ＦＢＡ  推荐法"), "fba-推荐法");
  assert.equal(slugify("!!!"), "section");
});

Deno.test("renderLesson() wraps tables so they scroll on a phone", () => {
  const { html } = renderLesson(
    "| 阶段 | 目标 |\n| :-: | --- |\n| 售前 | 促成下单 |\n",
  );
  assert.match(
    html,
    /^<div class="table-wrap" tabindex="0">\s*<table>[\s\S]*<\/table>\s*<\/div>/,
  );
  assert.match(html, /<th align="center">阶段<\/th>/);
});

for (
  const [kind, label] of [["tip", "提示"], ["warning", "注意"], [
    "script",
    "话术示例",
  ]] as const
) {
  Deno.test(`renderLesson() renders a :::${kind} callout with its label`, () => {
    const { html } = renderLesson(
      `前文\n\n:::${kind}\n**先共情**,再解决\n\n- 一\n- 二\n:::\n\n后文\n`,
    );
    assert.match(
      html,
      new RegExp(
        `<aside class="callout callout-${kind}" role="note"><p class="callout-title">${label}</p>\\s*` +
          `<p><strong>先共情</strong>,再解决</p>\\s*<ul>[\\s\\S]*</ul>\\s*</aside>`,
      ),
    );
    assert.match(html, /<p>后文<\/p>/);
  });
}

Deno.test("renderLesson() takes translated callout labels and escapes them", () => {
  const { html } = renderLesson(":::tip\nx\n:::\n", {
    calloutLabels: { tip: "Tip <b>" },
  });
  assert.match(html, /<p class="callout-title">Tip &lt;b&gt;<\/p>/);
});

Deno.test("renderLesson() leaves unknown callout kinds as text", () => {
  const { html } = renderLesson(":::danger\nx\n:::\n");
  assert.doesNotMatch(html, /<aside/);
});

Deno.test("renderLesson() replaces quiz blocks with placeholders and returns their YAML", () => {
  const md = [
    "## 练习",
    "```quiz\ntype: single\nprompt: 哪个阶段?\noptions:\n  - { id: a, text: 售前, correct: true }\n```",
    ":::tip\n```quiz\nref: q-basics-003\n```\n:::",
    "```yaml\nnot: a-quiz\n```",
  ].join("\n\n");
  const { html, checks } = renderLesson(md);
  assert.deepEqual(checks, [
    {
      index: 0,
      source:
        "type: single\nprompt: 哪个阶段?\noptions:\n  - { id: a, text: 售前, correct: true }",
    },
    { index: 1, source: "ref: q-basics-003" },
  ]);
  assert.match(
    html,
    /<div data-inline-check="0"><\/div>[\s\S]*<div data-inline-check="1"><\/div>/,
  );
  assert.doesNotMatch(html, /哪个阶段|q-basics-003/);
  assert.match(html, /<pre><code class="language-yaml">not: a-quiz/);
});

Deno.test("renderLesson() strips structural attributes from raw HTML so placeholders and ids cannot be forged", () => {
  const { html, checks } = renderLesson(
    '<div data-inline-check="0" class="callout" id="main" role="note">假</div>\n\n<h2 id="x">raw</h2>\n',
  );
  assert.equal(checks.length, 0);
  assert.match(html, /^<div>假<\/div>\s*<h2>raw<\/h2>\s*$/);
});

Deno.test("renderLesson() adds rel=noopener noreferrer to links to other sites only", () => {
  const { html } = renderLesson(
    '[外](https://example.com) [内](/courses/onboarding) [锚](#小结) [邮](mailto:qa@example.com) <a href="http://x.cn" rel="opener">h</a>\n',
  );
  assert.match(
    html,
    /<a href="https:\/\/example.com" rel="noopener noreferrer">外<\/a>/,
  );
  assert.match(html, /<a href="\/courses\/onboarding">内<\/a>/);
  assert.match(
    html,
    new RegExp(`<a href="#${encodeURIComponent("小结")}">锚</a>`),
  );
  assert.match(html, /<a href="mailto:qa@example.com">邮<\/a>/);
  assert.match(
    html,
    /<a href="http:\/\/x.cn" rel="noopener noreferrer">h<\/a>/,
  );
});

Deno.test("renderLesson() turns task-list checkboxes into text", () => {
  const { html } = renderLesson("- [x] 已读\n- [ ] 未读\n");
  assert.doesNotMatch(html, /<input/);
  assert.match(html, /☑ 已读[\s\S]*☐ 未读/);
});

const XSS: Record<string, string> = {
  "script tag": "<script>alert(1)</script>\n\n正文 <script>alert(2)</script>",
  "iframe":
    '<iframe src="https://evil.example/x" srcdoc="<script>alert(1)</script>"></iframe>',
  "img onerror": '<img src="x" onerror="alert(1)">',
  "img onerror unquoted": "<img src=x onerror=alert(1)//>",
  "svg onload": '<svg onload="alert(1)"><circle r="1"/></svg>',
  "object and embed":
    '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
  "javascript: link": "[点我](javascript:alert(1))",
  "mixed-case javascript: link": "[点我](JaVaScRiPt:alert(1))",
  "entity-obfuscated javascript: link":
    '<a href="jav&#x09;ascript:alert(1)">点我</a>',
  "entity-obfuscated javascript: in markdown":
    "[点我](jav&#x09;ascript:alert(1))",
  "encoded colon javascript": '<a href="javascript&colon;alert(1)">点我</a>',
  "leading-space javascript": '<a href=" javascript:alert(1)">点我</a>',
  "vbscript link": '<a href="vbscript:msgbox(1)">点我</a>',
  "data: link":
    "[点我](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "data: image":
    "![图](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
  "javascript: image": "![图](javascript:alert(1))",
  "style attribute": '<p style="background:url(javascript:alert(1))">样式</p>',
  "style tag": "<style>body{background:red}</style>",
  "form and formaction":
    '<form action="https://evil.example"><button formaction="javascript:alert(1)">提交</button></form>',
  "input": '<input type="text" name="password" autofocus onfocus="alert(1)">',
  "event handler on allowed tag":
    '<a href="/x" onclick="alert(1)" onmouseover="alert(1)">点</a>',
  "meta refresh":
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  "base and link tags":
    '<base href="https://evil.example/"><link rel="stylesheet" href="https://evil.example/x.css">',
  "raw HTML inside a callout":
    ":::warning\n<img src=x onerror=alert(1)><script>alert(1)</script>\n:::",
  "raw HTML inside a table": "| a |\n| - |\n| <img src=x onerror=alert(1)> |",
  "raw HTML in a heading":
    "## 标题 <script>alert(1)</script><img src=x onerror=alert(1)>",
  "reference link": "[点我][x]\n\n[x]: javascript:alert(1)",
  "autolink": "<javascript:alert(1)>",
};

const DANGEROUS = [
  /<script/i,
  /<iframe/i,
  /<svg/i,
  /<object/i,
  /<embed/i,
  /<style/i,
  /<form/i,
  /<button/i,
  /<input/i,
  /<meta/i,
  /<base/i,
  /<link/i,
  /\son\w+\s*=/i,
  /style\s*=/i,
  /formaction/i,
  /srcdoc/i,
  /\saction\s*=/i,
  // Script and style bodies are dropped with their tags, not shown as text.
  /alert\(2\)|background:red/,
];

// Every URL left in the output must be http(s), mailto or relative, however it was spelled.
function assertSafeUrls(name: string, html: string) {
  for (
    const [, attribute, value] of html.matchAll(/\s(href|src)="([^"]*)"/gi)
  ) {
    // Drop entities, whitespace and control characters, which a browser's URL
    // parser ignores inside a scheme, so `jav&#x09;ascript:` is caught too.
    const url = [...value.replace(/&#x?[0-9a-f]+;|&[a-z]+;/gi, "")]
      .filter((c) => c.charCodeAt(0) > 0x20).join("");
    assert.match(
      url,
      /^(?:https?:|mailto:|[/#?.]|[^:]*$)/i,
      `${name}: unsafe ${attribute}="${value}"`,
    );
  }
}

for (const [name, markdown] of Object.entries(XSS)) {
  Deno.test(`renderLesson() neutralises XSS: ${name}`, () => {
    const { html } = renderLesson(markdown);
    for (const pattern of DANGEROUS) {
      assert.doesNotMatch(
        html,
        pattern,
        `${name}: output matches ${pattern}:\n${html}`,
      );
    }
    assertSafeUrls(name, html);
    // No javascript:, vbscript: or data: survives in an attribute (text may still mention it).
    assert.doesNotMatch(
      html,
      /=\s*"[^"]*(?:javascript|vbscript|data)(?::|&colon;)/i,
      `${name}:\n${html}`,
    );
  });
}

Deno.test("renderLesson() keeps safe images and marks them lazy", () => {
  const { html } = renderLesson('![流程图](/static/flow.png "服务流程")\n');
  assert.match(
    html,
    /<img src="\/static\/flow.png" alt="流程图" title="服务流程" loading="lazy" \/>/,
  );
});

Deno.test("createRenderCache() renders each body once and evicts the least recently used", () => {
  const cache = createRenderCache({ maxEntries: 2 });
  const a = cache.render("## 甲\n");
  assert.equal(cache.render("## 甲\n"), a);
  assert.ok(Object.isFrozen(a) && Object.isFrozen(a.toc));
  cache.render("## 乙\n");
  cache.render("## 甲\n"); // 甲 is now the most recent
  cache.render("## 丙\n"); // evicts 乙
  assert.equal(cache.size, 2);
  assert.equal(cache.render("## 甲\n"), a);
  assert.throws(() => createRenderCache({ maxEntries: 0 }), RangeError);
});
