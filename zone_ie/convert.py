"""Traditional characters: a simplified view of the raw text, character for character.

The rules and the data (gazetteer, grammar, cue words) are written in simplified
characters. :func:`simplified_view` gives the pipeline a simplified copy of a raw
text that contains traditional characters (OpenCC ``t2s``); the copy is exactly
as long as the raw text and its character ``i`` stands for raw character ``i``,
so layout repair (:func:`zone_ie.repair.repair` with ``view=``) keeps its exact
offset map and every entity, evidence span and ``text`` field stays a slice of
what the user gave. :func:`as_written` turns the names the pipeline found back
into the characters of the raw text.

Simplified text pays one ``re`` scan (:func:`has_traditional`); OpenCC is
imported only for a text that has a traditional character.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Optional

from .resources import load_json

if TYPE_CHECKING:
    from .repair import RepairedText

DATA = "traditional.json"
# code points whose characters OpenCC t2s may change (CJK, compatibility, extension B-G)
RANGES = ((0x2E80, 0x9FFF), (0xF900, 0xFFEF), (0x20000, 0x3134F))


@lru_cache(maxsize=1)
def _traditional() -> tuple[re.Pattern[str], frozenset[str]]:
    """A scanner for the BMP characters of the table and the astral range (``re``
    scans a class of astral literals slowly), and the table's astral characters."""
    chars = load_json(DATA)["chars"]
    bmp = "".join(c for c in chars if ord(c) < 0x10000)
    astral = frozenset(c for c in chars if ord(c) >= 0x10000)
    return re.compile("[" + re.escape(bmp) + "\U00010000-\U0010ffff]"), astral


def has_traditional(text: str) -> bool:
    """Whether ``text`` has a character that OpenCC t2s changes on its own."""
    scan, astral = _traditional()
    for m in scan.finditer(text):
        ch = m.group()
        if ord(ch) < 0x10000 or ch in astral:
            return True
    return False


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _char_table() -> dict[int, str]:
    chars = load_json(DATA)["chars"]
    conv = _converter().convert(chars)
    if len(conv) != len(chars):  # never seen; then character by character
        conv = "".join(_converter().convert(c)[:1] or c for c in chars)
    return {ord(a): b for a, b in zip(chars, conv)}


def to_simplified(text: str) -> str:
    """``text`` in simplified characters, exactly as long, position by position.

    Lines go through OpenCC's phrase-aware t2s; a line whose length it would
    change (never seen with OpenCC's dictionaries) is converted character by
    character instead.
    """
    conv = _converter().convert(text)
    if len(conv) == len(text):
        return conv
    lines = text.split("\n")
    out = []
    for line in lines:
        c = _converter().convert(line)
        out.append(c if len(c) == len(line) else line.translate(_char_table()))
    return "\n".join(out)


def simplified_view(text: str) -> Optional[str]:
    """The simplified view of ``text``, or ``None`` when it has no traditional character."""
    if not has_traditional(text):
        return None
    view = to_simplified(text)
    return None if view == text else view


def as_written(value: str, rep: "RepairedText", near: int = 0) -> str:
    """``value`` (a name taken from ``rep.text``) in the characters the user wrote.

    Its occurrence at or after repaired offset ``near`` (else the first one) is
    read in :attr:`RepairedText.written`; a string that is not in the text (a
    normalized name) is mapped character by character, each character taking the
    raw form it has most often in this document.
    """
    if rep.view is None or not value:
        return value
    text, written = rep.text, rep.written
    i = text.find(value, near)
    if i < 0:
        i = text.find(value)
    if i >= 0:
        return written[i : i + len(value)]
    table = _written_table(rep)
    return "".join(table.get(c, c) for c in value)


def _written_table(rep: "RepairedText") -> dict[str, str]:
    """Each changed character of ``rep.text`` -> its most frequent raw form in the document."""
    cached = rep.__dict__.get("_written_table")
    if cached is not None:
        return cached
    text, written = rep.text, rep.written
    changed = {a for a, b in zip(text, written) if a != b}
    counts: dict[str, Counter[str]] = {c: Counter() for c in changed}
    for a, b in zip(text, written):
        if a in changed:
            counts[a][b] += 1
    table = {a: c.most_common(1)[0][0] for a, c in counts.items()}
    object.__setattr__(rep, "_written_table", table)
    return table


def build_table() -> str:
    """The characters of :data:`RANGES` that OpenCC t2s changes when converted alone
    (what ``patterns/traditional.json`` holds; ``python -m zone_ie.convert`` rewrites it)."""
    conv = _converter()
    out = []
    for lo, hi in RANGES:
        chars = "".join(chr(c) for c in range(lo, hi + 1))
        simp = conv.convert(chars)
        if len(simp) == len(chars):
            out.extend(a for a, b in zip(chars, simp) if a != b)
        else:
            out.extend(a for a in chars if conv.convert(a) != a)
    return "".join(out)


def main() -> None:
    import json
    from pathlib import Path

    import opencc

    chars = build_table()
    path = Path(__file__).resolve().parents[1] / "patterns" / DATA
    data = {"source": f"OpenCC {getattr(opencc, '__version__', '')} t2s, each character converted alone",
            "chars": chars}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(chars)} characters -> {path}")


if __name__ == "__main__":
    main()
