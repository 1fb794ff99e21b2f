"""A deterministic benchmark corpus built from the seed documents in ``seeds/``.

Documents are made by shuffling the paragraphs of the seeds with a fixed random seed, so two
runs (and two machines) measure the same text.  Each *variant* then adds one kind of noise that
scraped Arabic text has; ``noisy`` adds all of them.  When ``seeds/`` is absent (arnorm
installed from a wheel), a short sample embedded here is used instead, and the caller is told.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

# Used only when no seeds/ folder is found: three paragraphs of the first seed document.
EMBEDDED_SEED = """\
تعاون كوريا الشمالية مع روسيا بتوريد 7 آلاف حاوية عسكرية لدعم العمليات في أوكرانيا

تعاونت كوريا الشمالية مع روسيا في تزويدها بسبعة آلاف من الحاويات العسكرية لدعم جهودها \
العسكرية في أوكرانيا، هذا ما أعلنه وزير الدفاع الكوري الجنوبي يوم الاثنين.

وزير الدفاع الكوري الجنوبي شين وون سيك

ويُفرض على الدولتان كوريا الشمالية وروسيا، عقوبات دولية بسبب سلوكهما، حيث تٌفرض على روسيا \
عقوبات بسبب تدخلها في أوكرانيا، بينما تُفرض على كوريا الشمالية عقوبات بسبب برنامجها للأسلحة \
النووية.
وفي سبتمبر 2023 فقد التقى الزعيم الكوري الشمالي كيم جونغ أون بالرئيس الروسي فلاديمير بوتين في \
أقصى شرق روسيا، وبعد الاجتماع أعلنت الولايات المتحدة بأن كوريا الشمالية بدأت في توفير الأسلحة \
لروسيا.
"""

DOCUMENT_SIZE = 6_000  # characters per generated document, about one seed article
HARAKAT = "\u064e\u064f\u0650\u0652"  # fatha damma kasra sukun
TANWEEN = "\u064b\u064c\u064d"
SHADDA = "\u0651"
NBSP = "\u00a0"
ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"


def _is_letter(character: str) -> bool:
    return "\u0621" <= character <= "\u064a" and character != "\u0640"


def _presentation_forms() -> dict[str, str]:
    # letter -> its isolated presentation form (U+FE70-FEFF), as PDF extractors write them.
    forms: dict[str, str] = {}
    for code in range(0xFE80, 0xFEFC):
        decomposition = unicodedata.decomposition(chr(code)).split()
        if len(decomposition) == 2 and decomposition[0] == "<isolated>":
            forms.setdefault(chr(int(decomposition[1], 16)), chr(code))
    return forms


PRESENTATION_FORMS = _presentation_forms()


def diacritise(text: str, rng: random.Random, share: float = 1 / 3) -> str:
    """Put a mark on ``share`` of the Arabic letters: harakat, shadda, tanween at a word end."""
    out: list[str] = []
    for index, character in enumerate(text):
        out.append(character)
        if not _is_letter(character) or rng.random() >= share:
            continue
        following = text[index + 1 : index + 2]
        if following and "\u064b" <= following <= "\u0652":
            continue  # the letter has its mark already; a second one would not be NFC order
        if not following or not _is_letter(following):
            out.append(rng.choice(TANWEEN + HARAKAT))
        elif rng.random() < 0.1:
            out.append(rng.choice(HARAKAT[:3]) + SHADDA)
        else:
            out.append(rng.choice(HARAKAT))
    return "".join(out)


def indic_digits(text: str, rng: random.Random) -> str:
    """Write the Western digits of ``text`` as Arabic-Indic digits (٠-٩)."""
    return text.translate(str.maketrans("0123456789", ARABIC_INDIC))


def presentation_forms(text: str, rng: random.Random) -> str:
    """Write one paragraph in five with presentation forms (text pasted from a PDF)."""
    paragraphs = text.split("\n")
    for index, paragraph in enumerate(paragraphs):
        if rng.random() < 0.2:
            paragraphs[index] = "".join(PRESENTATION_FORMS.get(c, c) for c in paragraph)
    return "\n".join(paragraphs)


def nbsp_lines(text: str, rng: random.Random) -> str:
    """Add NBSP spacer lines, NBSP between some words and trailing spaces (HTML residue)."""
    out: list[str] = []
    for line in text.split("\n"):
        if rng.random() < 0.3:
            line = line.replace(" ", NBSP, 3) + "  "
        out.append(line)
        if rng.random() < 0.2:
            out.append(rng.choice((NBSP, " " + NBSP, "")))
    return "\n".join(out)


def duplicates(text: str, rng: random.Random) -> str:
    """Double some short lines (captions written twice) and repeat the title further down."""
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        out.append(line)
        if line and len(line) < 100 and rng.random() < 0.5:
            out.append(line)
    if lines and lines[0]:
        out.insert(len(out) // 2, lines[0])
    return "\n".join(out)


def mojibake(text: str, rng: random.Random) -> str:
    """Turn one paragraph in ten into UTF-8 read as cp1252 (Ø§Ù„...), the common mojibake."""
    paragraphs = text.split("\n")
    for index, paragraph in enumerate(paragraphs):
        if paragraph and rng.random() < 0.1:
            paragraphs[index] = paragraph.encode("utf-8").decode("cp1252", "replace")
    return "\n".join(paragraphs)


Noise = Callable[[str, random.Random], str]

NOISE: dict[str, Noise] = {
    "digits": indic_digits,
    "presentation": presentation_forms,
    "nbsp": nbsp_lines,
    "duplicates": duplicates,
    "mojibake": mojibake,
}


def noisy(text: str, rng: random.Random) -> str:
    """All the kinds of noise: Indic digits, presentation forms, NBSP, duplicates, mojibake."""
    for noise in NOISE.values():
        text = noise(text, rng)
    return text


def _plain(text: str, rng: random.Random) -> str:
    return text


VARIANTS: dict[str, Noise] = {"plain": _plain, "diacritised": diacritise, **NOISE, "noisy": noisy}


@dataclass(frozen=True)
class Corpus:
    """A named list of documents and their size in UTF-8 bytes."""

    name: str
    documents: tuple[str, ...]

    @property
    def size(self) -> int:
        """The size of all documents in UTF-8 bytes."""
        return sum(len(document.encode("utf-8")) for document in self.documents)


def find_seeds() -> Path | None:
    """The ``seeds/`` folder of a source checkout, if there is one next to the package."""
    candidate = Path(__file__).resolve().parent.parent.parent / "seeds"
    return candidate if candidate.is_dir() and any(candidate.glob("*.txt")) else None


def load_seeds(folder: Path | None) -> list[str]:
    """The seed documents (``*.expected.txt`` outputs excluded); the embedded sample if none."""
    if folder is None:
        return [EMBEDDED_SEED]
    paths = sorted(p for p in folder.glob("*.txt") if not p.name.endswith(".expected.txt"))
    if not paths:
        raise ValueError(f"no seed documents (*.txt) in {folder}")
    return [path.read_text("utf-8") for path in paths]


TAIL_LINE_LENGTH = 40  # the trailing blocks of a seed with only lines this short: its trailer


@dataclass(frozen=True)
class Parts:
    """A seed cut at blank lines: the title block, the body blocks, the trailer blocks."""

    head: str
    body: tuple[str, ...]
    tail: str


def parts_of(seed: str) -> Parts:
    """Cut a seed into title, body and trailer, keeping each block's own noise (NBSP spacer
    lines, doubled captions) so generated documents look like the seed."""
    blocks = [block for block in seed.strip("\n").split("\n\n") if block.strip()]
    tail_start = len(blocks)
    while tail_start > 2 and all(
        len(line.strip()) < TAIL_LINE_LENGTH for line in blocks[tail_start - 1].split("\n")
    ):
        tail_start -= 1
    body = tuple(blocks[1:tail_start]) or tuple(blocks[:1])
    return Parts(blocks[0], body, "\n\n".join(blocks[tail_start:]))


def build(variant: str, size: int, seeds: Sequence[str], *, random_seed: int = 2024) -> Corpus:
    """Documents of about ``DOCUMENT_SIZE`` characters, ``size`` UTF-8 bytes in all.

    Each document is a seed's title, body blocks drawn from all the seeds, and the seed's
    trailer, then the variant's noise.

    >>> corpus = build("plain", 20_000, [EMBEDDED_SEED])
    >>> corpus.size >= 20_000, corpus == build("plain", 20_000, [EMBEDDED_SEED])
    (True, True)
    """
    if variant not in VARIANTS:
        raise ValueError(f"unknown variant {variant!r}; variants: {', '.join(VARIANTS)}")
    rng = random.Random(f"{random_seed}-{variant}")
    parts = [parts_of(seed) for seed in seeds if seed.strip()]
    if not parts:
        raise ValueError("the seed documents have no text")
    blocks = [block for part in parts for block in part.body]
    noise = VARIANTS[variant]
    documents: list[str] = []
    total = 0
    while total < size:
        part = rng.choice(parts)
        chosen = [part.head]
        length = len(part.head) + len(part.tail)
        target = min(DOCUMENT_SIZE, max((size - total) // 2, 1))
        while length < target:
            block = rng.choice(blocks)
            chosen.append(block)
            length += len(block) + 2
        if part.tail:
            chosen.append(part.tail)
        document = noise("\n\n".join(chosen), rng)
        documents.append(document)
        total += len(document.encode("utf-8"))
    return Corpus(variant, tuple(documents))


def document_of_size(size: int, seeds: Sequence[str], variant: str = "plain") -> str:
    """One document of about ``size`` UTF-8 bytes (for the linearity check)."""
    corpus = build(variant, min(size, 2_000_000), seeds)
    text = "\n".join(corpus.documents)
    encoded = len(text.encode("utf-8"))
    if encoded < size:
        text = "\n".join([text] * (size // encoded + 1))
    # cut near the size (characters per UTF-8 byte: about 0.55 for Arabic)
    ratio = len(text) / len(text.encode("utf-8"))
    return text[: round(size * ratio)]
