"""Name normalization shared by clustering, facts and the scorer (SPEC 3)."""
from __future__ import annotations

import re

_WS = re.compile(r"\s+")
_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}


def norm_name(name: str) -> str:
    """Remove whitespace, full-width ASCII to half-width (``（）`` -> ``()``)."""
    return _WS.sub("", name.translate(_FULLWIDTH))
