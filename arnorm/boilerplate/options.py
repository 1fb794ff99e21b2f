"""The options of the line phase (layout and boilerplate rules)."""

from __future__ import annotations

from arnorm.options import Option, Options

OPTIONS = (
    Option(
        "boilerplate",
        True,
        (True, False),
        "Run the line phase: whitespace layout (trimmed lines, single spaces, one blank line "
        "between paragraphs) and boilerplate removal (duplicate lines, repeated title, trailer "
        "blocks). False keeps the text's lines exactly as they are and repairs characters only.",
        example="clean(text, boilerplate=False) repairs characters but removes no line",
    ),
)


def boilerplate_on(options: Options) -> bool:
    """Whether the line phase runs (``enabled_if`` of every line-phase rule)."""
    return options["boilerplate"] is True
