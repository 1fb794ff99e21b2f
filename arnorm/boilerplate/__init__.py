"""Line-phase rules: whitespace layout and boilerplate removal, in pipeline order."""

from __future__ import annotations

from arnorm.boilerplate import lines, options, trailer, whitespace

RULES = (*whitespace.RULES, *lines.RULES, *trailer.RULES)
OPTIONS = options.OPTIONS
