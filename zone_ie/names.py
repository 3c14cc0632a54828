"""Name normalization shared by clustering, facts and the scorer (SPEC 3)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

_WS = re.compile(r"\s+")
_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_CHANGED = re.compile(r"[\uff01-\uff5e\s]")  # what norm_name changes: full-width ASCII, whitespace


def norm_name(name: str) -> str:
    """Remove whitespace, full-width ASCII to half-width (``（）`` -> ``()``)."""
    if _CHANGED.search(name) is None:
        return name  # most names: nothing to change (translate looks up every character)
    return _WS.sub("", name.translate(_FULLWIDTH))


NAME_SIM = 0.6  # SPEC 9: project names sharing 60 % of characters are one project


@lru_cache(maxsize=8192)
def lcs_len(a: str, b: str) -> int:
    """Length of the longest common subsequence of two strings (memoized: the
    same pairs of names are compared again and again within a document)."""
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0]
        for j, cb in enumerate(b):
            cur.append(prev[j] + 1 if ca == cb else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def project_names_match(a: Optional[str], b: Optional[str]) -> bool:
    """SPEC 9: containment after norm_name, or LCS / longer length >= 0.6."""
    an, bn = norm_name(a or ""), norm_name(b or "")
    if not an or not bn:
        return False
    if an in bn or bn in an:
        return True
    return lcs_len(an, bn) / max(len(an), len(bn)) >= NAME_SIM
