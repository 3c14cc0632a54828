"""Numbers as written in Chinese news: Arabic, Chinese, full-width and mixed.

Regular Chinese numerals (digits, 十百千万亿, 点 decimals, 〇 digit strings) are read
here by :func:`_read_regular`, which gives what ``cn2an``'s normal mode gives (a test
compares them on every form); the irregular rest (colloquial ``一万二``) goes through
``cn2an``. This module also wraps the forms cn2an rejects (``百亿``, ``三点五亿``)
and refuses digit strings it would misread (``两三``). ``cn2an`` compiles large
patterns when imported (~0.2 s): it is imported only when a numeral needs it.
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


_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}


def _read_int(text: str) -> Optional[int]:
    """A regular Chinese integer (``一千零五``, ``一亿二千万``), else None."""
    if text and all(c in _DIGIT_VALUES for c in text):
        if len(text) == 1 or "〇" in text or "零" in text:
            return int("".join(str(int(_DIGIT_VALUES[c])) for c in text))  # 二〇二二
        return None
    total = wan = section = 0
    num: Optional[int] = None
    prev = ""
    for c in text:
        if c in _DIGIT_VALUES:
            if num is not None and prev not in "零〇":
                return None  # two digits in a row (两三): not a regular numeral
            num = int(_DIGIT_VALUES[c])
        elif c in _SMALL_UNITS:
            if num is None:
                if c != "十" or prev:
                    return None
                num = 1  # 十二 = 12
            section += num * _SMALL_UNITS[c]
            num = None
        elif c == "万":
            section += num or 0
            if section == 0 or wan:
                return None
            wan, section, num = section * 10_000, 0, None
        elif c == "亿":
            group = wan + section + (num or 0)
            if group == 0:
                return None
            total, wan, section, num = (total + group) * 100_000_000, 0, 0, None
        else:
            return None
        prev = c
    if num is not None and prev in _DIGIT_VALUES and len(text) > 1 and text[-2] in "百千万亿":
        return None  # 一万二 / 三百五: colloquial, left to cn2an
    return total + wan + section + (num or 0)


_MAGNITUDES = (("万亿", 1e12), ("亿", 1e8), ("万", 1e4))


def _read_regular(text: str) -> Optional[float]:
    """``text`` read as a regular Chinese numeral (with 点 decimals, and a magnitude after
    them: ``六点八亿``), else None."""
    if "点" in text:
        for word, scale in _MAGNITUDES:
            if text.endswith(word) and len(text) > len(word):
                value = _read_regular(text[: -len(word)])
                return None if value is None else round(value * scale, 6)
    head, dot, tail = text.partition("点")
    value = _read_int(head)
    if value is None:
        return None
    if not dot:
        return float(value)
    if not tail or not all(c in _DIGIT_VALUES for c in tail):
        return None
    return float(f"{value}." + "".join(str(int(_DIGIT_VALUES[c])) for c in tail))


def _cn2an(text: str) -> Optional[float]:
    digit = _DIGIT_VALUES.get(text)
    if digit is not None:
        return digit
    if text[0] in "十百千万亿":
        text = "一" + text  # cn2an reads 百亿 but not a bare 万 or 亿
    value = _read_regular(text)
    if value is not None:
        return value
    cn2an = _cn2an_fn()
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
