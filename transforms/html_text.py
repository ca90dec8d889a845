"""HTML to text blocks, keeping the roles the markup reveals (title, date line, caption, related list)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString, Tag

_HTML_TAG = re.compile(r"<(?:p|div|table|tr|td|br|span|a|img|li|ul|font|strong|b|i|html|body|h[1-6])\b[^>]*>",
                       re.IGNORECASE)
_BLOCK = {"p", "div", "br", "tr", "li", "ul", "ol", "table", "tbody", "h1", "h2", "h3", "h4", "h5", "h6",
          "td", "blockquote", "section", "article", "header", "footer", "title"}
_SKIP = {"script", "style", "noscript", "head", "iframe", "form", "button", "select"}
# class names used by Vietnamese news CMSs of the 2000s
_ROLE_BY_CLASS = {"title": "title", "tieude": "title", "ngay": "dateline", "date": "dateline",
                  "commentimg": "caption", "caption": "caption", "image_desc": "caption",
                  "newsother_list": "related", "newsother_boxname": "related", "related": "related",
                  "phanhoi": "skip", "newsother_ngay": "related"}


@dataclass(frozen=True)
class Block:
    role: str | None  # None: ordinary text; else a role the markup gave it
    text: str


def looks_like_html(text: str) -> bool:
    return len(_HTML_TAG.findall(text[:50000])) >= 2


def _role_of(tag: Tag) -> str | None:
    for cls in tag.get("class") or []:
        role = _ROLE_BY_CLASS.get(cls.lower())
        if role:
            return role
    return None


def html_to_blocks(markup: str) -> list[Block]:
    """Text blocks in document order; images become `image` blocks holding their file names."""
    soup = BeautifulSoup(markup, "html.parser")
    blocks: list[Block] = []
    current: list[str] = []
    current_role: list[str | None] = [None]

    def flush():
        text = " ".join("".join(current).split())
        if text:
            blocks.append(Block(current_role[0], text))
        current.clear()

    def walk(node, role):
        for child in node.children:
            if isinstance(child, NavigableString):
                if child.__class__.__name__ in ("Comment", "Doctype", "Declaration", "ProcessingInstruction"):
                    continue
                if role != current_role[0]:
                    flush()
                    current_role[0] = role
                current.append(str(child))
            elif isinstance(child, Tag):
                name = child.name.lower()
                if name in _SKIP:
                    continue
                if name == "img":
                    src = (child.get("src") or "").rsplit("/", 1)[-1]
                    if src:
                        flush()
                        blocks.append(Block("image", src))
                    continue
                child_role = _role_of(child) or role
                if child_role == "skip":
                    continue
                if name in _BLOCK:
                    flush()
                walk(child, child_role)
                if name in _BLOCK:
                    flush()

    walk(soup, None)
    flush()
    return blocks
