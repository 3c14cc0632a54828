"""Numbers as written in Chinese news: Arabic, Chinese, full-width and mixed.

Chinese numerals go through ``cn2an``; this module wraps the forms it rejects
(``百亿``, ``三点五亿``) and refuses digit strings it would misread (``两三``).
``cn2an`` compiles large patterns when imported (~0.2 s): it is imported on the
first numeral that needs it; single digits are read here.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, Optional

import numpy

# Full-width ASCII (U+FF01-U+FF5E) and the ideographic space map 1:1 to ASCII,
# so a translated string keeps every offset of the original.
HALFWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
HALFWIDTH[0x3000] = 0x20
HALFWIDTH[0x2236] = ord(":")  # ratio colon ∶

CN_DIGITS = "零〇一二两三四五六七八九"
CN_SCALES = "十百千万亿"
SCALE_VALUES = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}


def _shift_runs(table: dict[int, int]) -> list[tuple[int, int, int]]:
    """``table`` as ``(first, last, shift)`` runs of consecutive keys mapped by one shift."""
    runs: list[list[int]] = []
    for k in sorted(table):
        shift = table[k] - k
        if runs and runs[-1][1] == k - 1 and runs[-1][2] == shift:
            runs[-1][1] = k
        else:
            runs.append([k, k, shift])
    return [(a, b, d) for a, b, d in runs]


_RUNS = _shift_runs(HALFWIDTH)
_ARRAY_MIN = 256  # below this, str.translate is faster than the array round trip


def to_halfwidth(text: str) -> str:
    """``text`` with full-width digits, letters and signs as ASCII (same length).

    Same as ``text.translate(HALFWIDTH)``; long texts go through a numpy array of
    code points instead (translate looks every character up in a dict, ~10x slower).
    """
    if text.isascii():
        return text  # HALFWIDTH maps no ASCII character
    if len(text) < _ARRAY_MIN:
        return text.translate(HALFWIDTH)
    cps = numpy.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=numpy.uint32).copy()
    for first, last, shift in _RUNS:
        hit = (cps - numpy.uint32(first)) <= numpy.uint32(last - first)  # wraps below first
        cps[hit] += numpy.uint32(shift % 2**32)  # modular: adds a negative shift
    return cps.tobytes().decode("utf-32-le", "surrogatepass")


def scale_of(chars: str) -> float:
    """The product of the multiplier characters in ``chars`` (``万亿`` -> 1e12)."""
    value = 1.0
    for c in chars:
        value *= SCALE_VALUES.get(c, 1)
    return value


_SEPARATORS = {ord(c): None for c in ", \u00a0\u2009\u202f"}  # thousands separators (SPEC 5)


def arabic_to_number(text: str) -> Optional[float]:
    """``'1,267.66'`` -> 1267.66; None if ``text`` is not an Arabic number."""
    try:
        return float(to_halfwidth(text).translate(_SEPARATORS))
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def cn_to_number(text: str) -> Optional[float]:
    """A Chinese numeral as a number (``两亿`` -> 2e8, ``百亿`` -> 1e10), else None."""
    if not text:
        return None
    if "点" not in text and not any(c in CN_SCALES for c in text):
        # a digit string: one digit, or a year-like string with 〇/零 (二〇二二)
        if len(text) > 1 and "〇" not in text and "零" not in text:
            return None
    return _cn2an(text)


# single digits, as cn2an reads them
_DIGIT_VALUES = {"零": 0.0, "〇": 0.0, "一": 1.0, "二": 2.0, "两": 2.0, "三": 3.0, "四": 4.0, "五": 5.0,
                 "六": 6.0, "七": 7.0, "八": 8.0, "九": 9.0}


@lru_cache(maxsize=1)
def _cn2an_fn() -> Callable[[str, str], Any]:
    import cn2an

    return cn2an.cn2an


def _cn2an(text: str) -> Optional[float]:
    digit = _DIGIT_VALUES.get(text)
    if digit is not None:
        return digit
    cn2an = _cn2an_fn()
    if text[0] in "十百千万亿":
        text = "一" + text  # cn2an reads 百亿 but not a bare 万 or 亿
    try:
        return float(cn2an(text, "normal"))
    except (ValueError, KeyError, IndexError, TypeError):
        pass
    if text[0] in "十百千万亿" and len(text) > 1 and text[0] != text[1]:
        try:
            return float(cn2an("一" + text, "normal"))
        except (ValueError, KeyError, IndexError, TypeError):
            pass
    if text[0] in "百千" and len(text) == 1:
        return float(SCALE_VALUES[text[0]])
    # trailing multipliers: 三点五亿, 千亿, 百万
    head = text.rstrip("万亿")
    if head and head != text:
        base = cn_to_number(head)
        if base is not None:
            return base * scale_of(text[len(head):])
    if text[0] in "百千" and len(text) > 1 and all(c in "百千万亿" for c in text):
        return scale_of(text)
    return None


def to_number(text: str) -> Optional[float]:
    """Any written number: Arabic, Chinese, or Arabic with multipliers (``1.2万``)."""
    text = to_halfwidth(text).replace(" ", "")
    if not text:
        return None
    i = len(text)
    while i > 0 and text[i - 1] in CN_SCALES:
        i -= 1
    head, tail = text[:i], text[i:]
    if head and (head[0].isascii() and (head[0].isdigit() or head[0] == ".")):
        value = arabic_to_number(head)
        return None if value is None else value * scale_of(tail)
    return cn_to_number(text)


def tidy(value: float) -> float:
    """Round away binary noise (``1.2 * 1e4`` -> 12000.0)."""
    if value == 0:
        return 0.0
    if type(value) is float and value.is_integer() and -1e12 < value < 1e12:
        return value  # at most 12 digits: printed and read back exactly
    return float(f"{value:.12g}")
