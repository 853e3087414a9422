// Markdown cells rendered safely: markdown-it parses (html: false, so raw HTML is text),
// and the tokens are built into DOM nodes with h(): every text is set as text, only a
// short list of tags is made, links keep only http(s), mailto, relative and #
// targets, images show their alt text. Quotes of SQL results ({{name.column}}) become
// figures linked to their source line (quote.ts).
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import {h} from "../dom.js";
import {sourceLink} from "../source-link.js";
import {splitQuotes, type Results} from "./quote.js";

const md = new MarkdownIt({html: false, linkify: false, typographer: false});

const TAGS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "em", "strong", "s", "a", "table", "thead", "tbody", "tr", "th", "td", "hr", "br", "pre", "code"]);

/** A link target that stays on the page or goes to the web: never javascript:, data:… */
export function safeHref(href: string): string | null {
  const value = href.trim();
  if (/^(https?:|mailto:)/i.test(value)) return value;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith("//")) return null;
  return value;
}

function element(token: Token): HTMLElement {
  const tag = TAGS.has(token.tag) ? (token.tag as keyof HTMLElementTagNameMap) : "span";
  const el = h(tag);
  if (tag === "a") {
    const href = safeHref(token.attrGet("href") ?? "");
    if (href != null) el.setAttribute("href", href);
  }
  if (tag === "ol" && token.attrGet("start")) el.setAttribute("start", String(Number(token.attrGet("start")) || 1));
  return el;
}

function text(parent: HTMLElement, content: string, results: Results): void {
  for (const part of splitQuotes(content, results)) {
    if (typeof part === "string") parent.append(part);
    else if (part.doc_id && part.line) parent.append(sourceLink(part.doc_id, part.line, part.text));
    else parent.append(h("span", {className: part.error ? "bn-quote bn-quote-error" : "bn-quote", text: part.text}));
  }
}

function build(tokens: Token[], root: HTMLElement, results: Results): void {
  const stack = [root];
  for (const token of tokens) {
    const top = stack[stack.length - 1];
    if (token.nesting === 1) {
      const el = element(token);
      top.append(el);
      stack.push(el);
    } else if (token.nesting === -1) {
      if (stack.length > 1) stack.pop();
    } else if (token.type === "inline") build(token.children ?? [], top, results);
    else if (token.type === "text") text(top, token.content, results);
    else if (token.type === "code_inline") top.append(h("code", {text: token.content}));
    else if (token.type === "fence" || token.type === "code_block") top.append(h("pre", {}, h("code", {text: token.content})));
    else if (token.type === "softbreak") top.append("\n");
    else if (token.type === "hardbreak") top.append(h("br"));
    else if (token.type === "hr") top.append(h("hr"));
    else if (token.type === "image") top.append(token.content || token.attrGet("alt") || "");
    else top.append(token.content); // html_inline / html_block cannot occur with html: false; text if they do
  }
}

/** The Markdown text as DOM (a div of class bn-md). */
export function renderMarkdown(source: string, results: Results = new Map()): HTMLDivElement {
  const root = h("div", {className: "bn-md"});
  build(md.parse(source, {}), root, results);
  return root;
}
