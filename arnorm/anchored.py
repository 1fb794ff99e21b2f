"""Substitutions run from a literal: find the literal, try the pattern only just before it.

A pattern such as ``ّ?اً(?!…)`` (an optional shadda, then alef and fathatan) gives Python's
regular-expression engine no prefix to search for, so ``pattern.sub`` tries a match at every
position of the text.  When a pattern starts with a prefix of bounded width followed by a
literal string, every match has that literal at most ``high`` (at least ``low``) characters
after its start: :func:`anchored_sub` finds the occurrences of the literal with ``str.find``
and calls ``pattern.match`` only at the few positions before each.  The matches, and so the
result, are those of ``pattern.sub``: the same engine decides at the same positions, in the
same left-to-right order, and a look-behind at a position still sees the text before it.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from typing import Any, NamedTuple

try:  # the regular-expression parser: re._parser since Python 3.11, sre_parse before
    _sre: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover
    _sre = importlib.import_module("sre_parse")

# A longer prefix would mean many match attempts per occurrence of the literal.
MAX_PREFIX_WIDTH = 4


class Anchor(NamedTuple):
    """The literal every match contains, and how far after the match's start it can be."""

    literal: str
    low: int
    high: int


def literal_anchor(pattern: re.Pattern[str]) -> Anchor | None:
    """The anchor of ``pattern``, or ``None`` if it does not start with prefix + literal.

    >>> literal_anchor(re.compile("(?P<shadda>\\u0651?)\\u0627\\u064b(?![a-z])"))
    Anchor(literal='اً', low=0, high=1)
    >>> literal_anchor(re.compile("[a-z]+x")) is None  # the prefix's width is unbounded
    True
    """
    if not isinstance(pattern.pattern, str) or pattern.flags & re.IGNORECASE:
        return None
    try:
        items = list(_sre.parse(pattern.pattern, pattern.flags))
    except Exception:  # pragma: no cover - it compiled, so it parses
        return None
    first = next((i for i, (op, _) in enumerate(items) if op is _sre.LITERAL), None)
    if first is None:
        return None
    literal = ""
    for op, value in items[first:]:
        if op is not _sre.LITERAL:
            break
        literal += chr(value)
    if first:
        prefix = _sre.SubPattern(_sre.State(), items[:first])
        low, high = prefix.getwidth()
    else:
        low = high = 0
    if high > MAX_PREFIX_WIDTH:
        return None
    return Anchor(literal, low, high)


# Where the literal is found more than once in _DENSE characters of the text's first _PROBE,
# the pattern's own substitution runs instead.
_PROBE = 4096
_DENSE = 32


def anchored_sub(
    pattern: re.Pattern[str],
    anchor: Anchor,
    replace: Callable[[re.Match[str]], str],
    text: str,
) -> str:
    """``pattern.sub(replace, text)``, with the match attempts limited to the anchor's places.

    >>> upper = lambda match: match.group().upper()
    >>> anchored_sub(re.compile("b?ac"), Anchor("ac", 0, 1), upper, "bac ac a")
    'BAC AC a'
    """
    literal, low, high = anchor
    if text.count(literal, 0, _PROBE) * _DENSE > _PROBE:
        # The literal is everywhere (a text made of matches): the engine's own loop is faster.
        return pattern.sub(replace, text)
    find = text.find
    match = pattern.match
    pieces: list[str] = []
    last = 0  # the end of the last match: the text before it is in ``pieces``
    tried = 0  # every position before this one was tried (or is inside a match)
    found = find(literal)
    while found >= 0:
        for position in range(max(found - high, tried), found - low + 1):
            result = match(text, position)
            if result is not None:
                end = result.end()
                pieces.append(text[last:position])
                pieces.append(replace(result))
                last = tried = end
                break
        else:
            tried = max(tried, found - low + 1)
        found = find(literal, max(found + 1, tried + low))
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)
