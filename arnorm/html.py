"""HTML input: a page turned into block text with BeautifulSoup, then the text pipeline.

:func:`html_to_text` parses with lxml where it is installed (``pip install arnorm[html]``) and
with Python's ``html.parser`` otherwise, and walks the tree with an explicit stack, so a page
nested 100,000 levels deep or malformed markup neither raises ``RecursionError`` nor hangs.

What it keeps and drops:

* dropped: ``script``, ``style``, ``noscript``, ``template``, ``head``, ``nav``, ``aside``,
  ``form`` and form controls, ``iframe``, ``svg``; ``header`` and ``footer`` outside an
  ``article``; elements whose class or id names a share bar, social links, related posts, an
  author box, comments, a newsletter or cookie prompt, or tags (the tokens trafilatura relies
  on), except ``html``, ``body``, ``main``, ``article`` and any element that holds the page's
  ``article``, ``main`` or ``h1``;
* one line per block element (paragraph, heading, list item, table row, ``div``...), blocks
  separated by a blank line; ``<br>`` is a line break inside a block;
* each figure's caption once: its ``figcaption``, and an image ``alt`` only when it does not
  repeat the caption (images outside figures give no text);
* spacer blocks (``<p>&nbsp;</p>``) give no line.
"""

from __future__ import annotations

import importlib.util
import re
from typing import Any

from arnorm.boilerplate.phrases import fold
from arnorm.pipeline import require_str

DROPPED_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "title",
        "meta",
        "link",
        "nav",
        "aside",
        "form",
        "input",
        "button",
        "select",
        "option",
        "textarea",
        "label",
        "iframe",
        "object",
        "embed",
        "svg",
        "canvas",
        "audio",
        "video",
        "map",
        "dialog",
    }
)
# Dropped outside an <article> only: a site's masthead and footer, not the article's own.
PAGE_FURNITURE_TAGS = frozenset({"header", "footer"})
BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "html",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)
# Never dropped for their class or id: the page and the article themselves.
KEPT_CONTAINERS = frozenset({"html", "body", "main", "article"})
# Class and id words that mark boilerplate: whole words ("comments", "post-author") or the
# compounds themes use ("sharedaddy", "relatedposts", "commentlist", "tagcloud").  Whole words
# where a longer word is content: "commentary", "authority" and "responsive" are not matched.
BOILERPLATE_CLASS = re.compile(
    r"(?:^|[^a-z])(?:"
    r"(?:shares?|sharing|social|authors?|comments?|respond|tags|byline)(?![a-z])"
    r"|sharedaddy|shareaholic|sharethis|social[a-z]*|related[a-z]*|authorbox|authorbio"
    r"|commentlist|commentform|disqus|newsletter|subscribe|cookie|consent|gdpr|tagcloud"
    r"|tag-?links|post-?tags|breadcrumb|(?:entry|post)-?meta|advert|sponsor|promo)",
)
_SPACES = re.compile(r"\s+")


def _parser() -> str:
    """The parser BeautifulSoup uses: lxml where installed, Python's html.parser otherwise."""
    return "lxml" if importlib.util.find_spec("lxml") is not None else "html.parser"


def _marked_as_boilerplate(tag: Any) -> bool:
    attributes = tag.attrs
    if not attributes:
        return False
    words = []
    for name in ("class", "id"):
        value = attributes.get(name)
        if isinstance(value, str):
            words.append(value)
        elif value:
            words.extend(str(item) for item in value)
    return bool(words) and BOILERPLATE_CLASS.search(" ".join(words).lower()) is not None


def _protected(soup: Any) -> set[int]:
    """The ids of every element that holds the page's article, main or h1 (never dropped)."""
    protected: set[int] = set()
    for tag in soup.find_all(("article", "main", "h1")):
        node = tag
        while node is not None and id(node) not in protected:
            protected.add(id(node))
            node = node.parent
    return protected


class _Figure:
    """What one figure has emitted: the indexes of its alt blocks, its captions (folded)."""

    __slots__ = ("alts", "captions")

    def __init__(self) -> None:
        self.alts: list[int] = []
        self.captions: set[str] = set()


def _parse(html: str) -> Any:
    from bs4 import BeautifulSoup

    parser = _parser()
    if parser == "lxml":
        try:
            return BeautifulSoup(html, "lxml")
        except (UnicodeError, ValueError):
            pass  # lxml refuses lone surrogates and some control characters: parse in Python
    return BeautifulSoup(html, "html.parser")


def html_to_text(html: str) -> str:
    """Turn an HTML page into block text: one line per block, blank lines between blocks.

    >>> html_to_text('<p>فقرة أولى<br>سطر ثان</p><p>&nbsp;</p><script>x()</script><p>فقرة</p>')
    'فقرة أولى\\nسطر ثان\\n\\nفقرة'
    >>> html_to_text('<figure><img alt="صورة الوزير"><figcaption>صورة الوزير</figcaption>'
    ...              '</figure>')
    'صورة الوزير'
    """
    require_str(html, "html")
    from bs4.element import CData, NavigableString, Tag

    soup = _parse(html)
    protected = _protected(soup)
    blocks: list[str | None] = []  # finished blocks (None: an alt that repeats a caption)
    lines: list[str] = []  # finished lines of the current block
    current: list[str] = []  # inline pieces of the line being built

    def end_line() -> None:
        line = _SPACES.sub(" ", "".join(current)).strip()
        current.clear()
        if line:
            lines.append(line)

    def end_block() -> bool:
        end_line()
        if not lines:
            return False
        blocks.append("\n".join(lines))
        lines.clear()
        return True

    # The stack holds ("node", element) to visit and markers pushed before an element's
    # children, so they pop after them: "end" closes a block, "caption" closes a figcaption,
    # "figure" closes a figure, "article" leaves an article.
    stack: list[tuple[str, Any]] = [("node", soup)]
    figures: list[_Figure] = []
    in_article = 0
    while stack:
        kind, node = stack.pop()
        if kind == "end":
            end_block()
            continue
        if kind == "caption":
            if end_block() and figures:
                figures[-1].captions.add(fold(blocks[-1] or ""))
            continue
        if kind == "figure":
            figure = figures.pop()
            for index in figure.alts:
                if fold(blocks[index] or "") in figure.captions:
                    blocks[index] = None
            continue
        if kind == "article":
            in_article -= 1
            continue
        if isinstance(node, NavigableString):
            if type(node) is NavigableString or type(node) is CData:
                current.append(str(node))
            continue
        if not isinstance(node, Tag):
            continue
        name = node.name
        if name in DROPPED_TAGS or (name in PAGE_FURNITURE_TAGS and not in_article):
            continue
        if (
            name not in KEPT_CONTAINERS
            and id(node) not in protected
            and _marked_as_boilerplate(node)
        ):
            continue
        if name == "br":
            end_line()
            continue
        if name == "img":
            alt = node.get("alt")
            if figures and isinstance(alt, str) and fold(alt):
                end_block()
                figures[-1].alts.append(len(blocks))
                blocks.append(_SPACES.sub(" ", alt).strip())
            continue
        if name == "figcaption":
            end_block()
            stack.append(("caption", None))
        elif name in BLOCK_TAGS:
            end_block()
            stack.append(("end", None))
        if name == "figure":
            figures.append(_Figure())
            stack.append(("figure", None))
        elif name == "article":
            in_article += 1
            stack.append(("article", None))
        stack.extend(("node", child) for child in reversed(node.contents))
    end_block()
    return "\n\n".join(block for block in blocks if block is not None)


def clean_html(html: str, profile: str = "repair", **options: Any) -> str:
    """Clean an HTML page: :func:`html_to_text`, then :func:`arnorm.clean` with the options.

    >>> clean_html("<h1>عنوان</h1><p>نص الخبر.</p><p>&nbsp;</p><div class='share'>شارك</div>")
    'عنوان\\n\\nنص الخبر.'
    """
    from arnorm.cleaner import clean

    return clean(html_to_text(html), profile, **options)
