"""Per-document context: the options and the document gates, computed once and only if asked.

Gates (ORTHOGRAPHY.md §2) describe the whole document: is it confidently Arabic, Persian-like,
Quranic, in visual order?  A rule that depends on a gate reads it from the context; the first
read computes it (a few ``str.count`` calls), later reads are free.  A gate can be forced by an
option (``lang="ar"``).
"""

from __future__ import annotations

import re
from functools import cache, cached_property

from arnorm.options import Option, Options

# Letters that mark Arabic (a) and Persian/Urdu/Kurdish (p) text in the language gate.
ARABIC_MARKERS = "\u064a\u0643\u0629\u0649"  # ي ك ة ى
PERSIAN_MARKERS = (
    "\u06cc\u06a9\u067e\u0686\u0698\u06af\u06c0\u06c1\u06be\u06d2"  # ی ک پ چ ژ گ ۀ ہ ھ ے
    "\u0679\u0688\u0691\u06ba\u06d5\u06ce\u06c6\u06b5\u0695"  # ٹ ڈ ڑ ں ە ێ ۆ ڵ ڕ
)
QURANIC_MARKS = (
    "\u06d6\u06d7\u06d8\u06d9\u06da\u06db\u06dc\u06df\u06e0\u06e1\u06e2\u06e3\u06e4"
    "\u06e7\u06e8\u06ea\u06eb\u06ec\u06ed\u08f0\u08f1\u08f2"
)
ALEF_WASLA = "\u0671"


# Every code point of the two presentation-form blocks (U+FB50-FDFF, U+FE70-FEFE).
PRESENTATION_FORMS = "".join(map(chr, (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFF))))


def _with_presentation_forms(letters: str) -> str:
    """``letters`` and their presentation forms, so a gate counts the same before and after
    the forms are mapped to letters (rule U2): gates must not change between two runs."""
    import unicodedata2  # type: ignore[import-not-found,unused-ignore]

    forms = []
    for code in map(ord, PRESENTATION_FORMS):
        nominal = unicodedata2.normalize("NFKC", chr(code))
        # A ligature counts once per letter it spells (ﷺ has ى and ي): repeat it.
        forms.append(chr(code) * sum(nominal.count(letter) for letter in letters))
    return letters + "".join(forms)


ARABIC_MARKER_FORMS = _with_presentation_forms(ARABIC_MARKERS)[len(ARABIC_MARKERS) :]
PERSIAN_MARKER_FORMS = _with_presentation_forms(PERSIAN_MARKERS)[len(PERSIAN_MARKERS) :]
ALEF_WASLA_FORMS = _with_presentation_forms(ALEF_WASLA)[1:]
PERSIAN_LANGUAGES = frozenset({"fa", "ur", "ckb", "ku", "ps", "sd", "ug"})

OPTIONS = (
    Option(
        "lang",
        "auto",
        ("auto", "ar", *sorted(PERSIAN_LANGUAGES), "other"),
        "The document's language. 'auto' decides per document from its letters; 'ar' forces "
        "the Arabic-only repairs (look-alike letters); a Persian-script language code turns "
        "them off and keeps Persian conventions (fathatan on the alef); 'other' turns both off.",
        example='clean(text, lang="ar")',
    ),
    Option(
        "quranic",
        "auto",
        ("auto", "yes", "no"),
        "The Quranic guard: 'auto' detects Quranic text (3 or more Quranic marks or alef "
        "waslas) and then applies NFC only to its orthography; 'yes' forces the guard on, "
        "'no' turns it off (mark repairs run even on text with Quranic marks).",
        example='clean(text, quranic="no")',
    ),
    Option(
        "visual",
        "auto",
        ("auto", "yes", "no"),
        "The visual-order guard: 'auto' detects reversed (visual-order) Arabic, reports it and "
        "leaves its forms and marks alone; 'yes' forces the guard on, 'no' turns it off.",
        example='clean(text, visual="no")',
    ),
)


@cache
def _real_arabic() -> re.Pattern[str]:
    """Real Arabic, which no later rule takes away: letters, and the presentation forms that
    spell one (not the digits, punctuation and marks of the Arabic block, which D1, P2 and S5
    may rewrite or delete, nor the form of a mark alone).  Built on first use: the tables
    live in ``arnorm.chars``, whose modules import this one."""
    import unicodedata2  # type: ignore[import-not-found,unused-ignore]

    from arnorm.chars.tables import LETTER_CLASS, expand_class

    letters = frozenset(expand_class(LETTER_CLASS))
    forms = "".join(
        form
        for form in PRESENTATION_FORMS
        if not letters.isdisjoint(unicodedata2.normalize("NFKC", form))
    )
    return re.compile(f"[{LETTER_CLASS}{forms}]")


_PRESENTATION_FORM = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")  # PRESENTATION_FORMS
_PRESENTATION_FORM_RUN = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]+")


def _count_any(
    text: str, characters: str, forms: str = "", present: frozenset[str] = frozenset()
) -> int:
    """How many of ``characters`` (and of their presentation ``forms``) ``text`` has.

    ``forms`` repeats a ligature once per letter it spells; only the forms in ``present`` (the
    forms ``text`` has) are counted, each once with its weight: 203 passes over a text of forms
    were 35 ms per MB.
    """
    count = sum(text.count(character) for character in characters)
    for form in present.intersection(forms):
        count += forms.count(form) * text.count(form)
    return count


class Context:
    """The options a pipeline was compiled with, and the gates of one document."""

    def __init__(self, text: str, options: Options):
        self.text = text
        self.options = options
        # The pipeline's trigger characters that ``text`` contains, when the pipeline scanned
        # for them (its fast path): a rule may use it to skip work, never to decide otherwise.
        self.present: frozenset[str] | None = None
        # Whether a rule that may write a gate's evidence characters changed the text since.
        self.evidence_written = False
        # How the rules changed what a counting gate counts (COUNTING_GROUPS) or the letters
        # V1's order score reads: the flags of pipeline._shifts_counts and _shifts_signals, 0
        # if they did not.
        self.counts_shifted = 0
        # The gates whose computation found that removing lines cannot change them (E1's
        # with fewer than 3 pairs): the pipeline does not read them again after the line phase.
        self.removal_stable: set[str] = set()
        # The gates a rule may have changed the evidence of after they were read (E2 writes
        # letters and the characters E1's pairs end with): read again at the end, as after
        # removed lines.
        self.judge_again: set[str] = set()
        # The document rules a later document rule may have given work (S6 writes what E1
        # repairs): asked about the cleaned text, which is cleaned again if one changes it.
        self.apply_again: set[str] = set()
        # The document rules that read a counting gate themselves, on their own text, and
        # declined (I4): asked about the cleaned text as above, but only when a later rule
        # shifted a count or lines were removed (otherwise the gate reads the same).
        self.apply_again_if_counts_shift: set[str] = set()
        # Whether the segment the character rules are given ends the document (no protected
        # span after it), when the pipeline cut it (see arnorm.chars.edges.ends_document).
        self.segment_ends_document: bool | None = None
        # A text and its NFC, kept by the rules that compose the same text in turn (see
        # arnorm.chars.unicode.composed).
        self.composed: tuple[str, str] | None = None
        # A text known to be in NFC: the last one a rule composed or kept in NFC (U1, the rules
        # that delete, U2, the final NFC).  A rule that deletes from it may skip NFC
        # (arnorm.chars.unicode.recompose), and the final NFC skips it (unicode.renormalize).
        self.nfc: str | None = None
        # Whether unicode.renormalize (the final NFC) changed the text: with unicode.nfc
        # disabled, the pipeline then cleans its output again (see Pipeline._run).
        self.renormalized = False

    @cached_property
    def memo(self) -> dict[str, object]:
        """Scratch space for facts a rule computes once per document (keyed by rule id)."""
        return {}

    @cached_property
    def has_presentation_forms(self) -> bool:
        """Whether the document has presentation forms (they count as their letters)."""
        return _PRESENTATION_FORM.search(self.text) is not None

    def _forms(self, forms: str) -> str:
        return forms if self.has_presentation_forms else ""

    @cached_property
    def presentation_forms(self) -> frozenset[str]:
        """The presentation forms the document has (the pipeline tells it from its scan)."""
        if not self.has_presentation_forms:
            return frozenset()
        return frozenset("".join(_PRESENTATION_FORM_RUN.findall(self.text)))

    def _count(self, characters: str, forms: str = "") -> int:
        forms = self._forms(forms)
        return _count_any(
            self.text, characters, forms, self.presentation_forms if forms else frozenset()
        )

    @cached_property
    def arabic_confident(self) -> bool:
        """The document is Arabic with confidence: look-alike letter rules may fire."""
        lang = self.options.get("lang", "auto")
        if lang == "ar":
            return True
        if lang != "auto":
            return False
        arabic = self._count(ARABIC_MARKERS, ARABIC_MARKER_FORMS)
        return arabic >= 3 and arabic >= 3 * self.persian_markers

    @cached_property
    def persian_like(self) -> bool:
        """The document looks Persian, Urdu or Kurdish: Arabic-only conventions stay off."""
        lang = self.options.get("lang", "auto")
        if lang in PERSIAN_LANGUAGES:
            return True
        if lang != "auto":
            return False
        persian = self.persian_markers
        return persian >= 3 and persian > self._count(ARABIC_MARKERS, ARABIC_MARKER_FORMS)

    @cached_property
    def persian_markers(self) -> int:
        """How many Persian/Urdu/Kurdish-only letters the document has."""
        return self._count(PERSIAN_MARKERS, PERSIAN_MARKER_FORMS)

    @cached_property
    def real_arabic(self) -> bool:
        """The document has Arabic letters (or forms of them): E3 leaves it alone.  A gate, so
        that removing the lines that had them cleans the document again (as for the others)."""
        return _real_arabic().search(self.text) is not None

    @cached_property
    def not_cp1256_mojibake(self) -> bool:
        """The document is not mostly UTF-8 read as Windows-1256: E1 leaves it alone.  A gate,
        so that the document is cleaned again when the lines it was read on are removed."""
        from arnorm.chars.encoding import is_cp1256_mojibake

        return not is_cp1256_mojibake(self)

    @cached_property
    def not_arabic_confident(self) -> bool:
        """The negation of :attr:`arabic_confident`, for rules that need an Arabic document."""
        return not self.arabic_confident

    @cached_property
    def quranic(self) -> bool:
        """Quranic text (≥ 3 Quranic marks or alef waslas): only NFC touches its orthography."""
        forced = self.options.get("quranic", "auto")
        if forced != "auto":
            return forced == "yes"
        if self._count(QURANIC_MARKS) >= 3:
            return True
        return self._count(ALEF_WASLA, ALEF_WASLA_FORMS) >= 3

    @cached_property
    def visual(self) -> bool:
        """Visual-order (reversed) Arabic (V1, :mod:`arnorm.chars.visual`): forms, marks off."""
        forced = self.options.get("visual", "auto")
        if forced != "auto":
            return forced == "yes"
        from arnorm.chars.visual import is_visual_order

        return is_visual_order(self.text, self.has_presentation_forms)

    def gates(self) -> dict[str, bool]:
        """All gates, for reports."""
        return {
            "arabic_confident": self.arabic_confident,
            "persian_like": self.persian_like,
            "quranic": self.quranic,
            "visual": self.visual,
        }


# Gates (and facts the gates read) that are False in any text without one of these characters:
# the pipeline's trigger scan looks for them too, and sets such a property to False without
# computing it (keep beside each gate).
GATE_EVIDENCE: dict[str, str] = {
    "quranic": QURANIC_MARKS + ALEF_WASLA + ALEF_WASLA_FORMS,
    "has_presentation_forms": PRESENTATION_FORMS,
    # No Persian-only letter: not Persian-like, and a Persian marker count of 0 (False).
    "persian_like": PERSIAN_MARKERS + PERSIAN_MARKER_FORMS,
    "persian_markers": PERSIAN_MARKERS + PERSIAN_MARKER_FORMS,
}
# The groups of letters and marks the counting gates count, each with the presentation forms
# that count as them: a rule that writes into a group it takes nothing from, or takes from a
# group and writes outside it, may change a gate for the next run (S4 writes ي for ئ; S1 folds
# ٱ), so the pipeline reads the gates again after it.
QURANIC_GROUP = frozenset(QURANIC_MARKS + ALEF_WASLA + ALEF_WASLA_FORMS)
COUNTING_GROUPS = (
    frozenset(ARABIC_MARKERS + ARABIC_MARKER_FORMS),
    frozenset(PERSIAN_MARKERS + PERSIAN_MARKER_FORMS),
    QURANIC_GROUP,
)
# The groups whose count, lowered, may turn a rule on for the next run: fewer Quranic marks
# or waslas may turn ``quranic`` off, fewer Persian letters ``arabic_confident`` on.  (Fewer
# Arabic letters only turn rules off.)  Each with the gate a rule that lowers it can be
# skipped by: such a rule never runs while the gate is on (the mark rules take Quranic marks,
# and are off in Quranic text).
COUNTING_GATES = frozenset({"arabic_confident", "not_arabic_confident", "persian_like", "quranic"})
LOWERED_COUNTS_MATTER: dict[frozenset[str], str | None] = {
    QURANIC_GROUP: "quranic",
    COUNTING_GROUPS[1]: None,
}
# The document gates, as Context properties (what a rule's ``skip_when`` names); after the
# line phase removes lines, the pipeline reads again each one a rule read, and cleans again if
# one changed.
GATES = (
    "arabic_confident",
    "not_arabic_confident",
    "not_cp1256_mojibake",
    "persian_like",
    "quranic",
    "real_arabic",
    "visual",
)
# Gates that cost a pass over every word (V1's score): the pipeline reads them only when a rule
# would change the text.  The others cost a few ``str.count`` calls, and are read before the
# rule runs, so that a rule they turn off does no work (L1 on 1 MB of Persian: 0.4 s).
COSTLY_GATES = frozenset({"visual"})
# The option that can force a gate: evidence decides a gate only when its option is "auto".
GATE_OPTION: dict[str, str] = {
    "quranic": "quranic",
    "visual": "visual",
    "persian_like": "lang",
    "persian_markers": "lang",
    "arabic_confident": "lang",
    "not_arabic_confident": "lang",
}
