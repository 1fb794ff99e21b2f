"""arnorm: clean Arabic text scraped from the web.

>>> import arnorm
>>> arnorm.clean("تٌفرض عقوبات\\n\\u00a0\\n\\nعلى روسيا")
'تُفرض عقوبات\\n\\nعلى روسيا'
"""

from __future__ import annotations

from arnorm.catalogue import CATALOGUE, OPTIONS
from arnorm.cleaner import Cleaner, clean, explain
from arnorm.html import clean_html
from arnorm.pipeline import Pipeline
from arnorm.profiles import PROFILES, Profile
from arnorm.report import Change, Report
from arnorm.rule import Rule

__version__ = "0.1.0"


def rules() -> tuple[Rule, ...]:
    """Every rule in pipeline order (ids, codes and docstrings)."""
    return CATALOGUE


__all__ = [
    "CATALOGUE",
    "OPTIONS",
    "PROFILES",
    "Change",
    "Cleaner",
    "Pipeline",
    "Profile",
    "Report",
    "Rule",
    "__version__",
    "clean",
    "clean_html",
    "explain",
    "rules",
]
