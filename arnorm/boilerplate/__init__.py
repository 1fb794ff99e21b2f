"""Line-phase rules: whitespace layout and boilerplate removal, in pipeline order."""

from __future__ import annotations

from arnorm.boilerplate import lines, options, phrase_lines, phrases, trailer, whitespace

RULES = (*whitespace.RULES, *lines.RULES, *trailer.RULES, *phrase_lines.RULES)
OPTIONS = (*options.OPTIONS, *phrases.OPTIONS)
