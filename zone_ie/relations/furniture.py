"""Page furniture (issue 14.6): the lines of a web or PDF page that are not the
article — menus, bylines and stamps, copyright lines, previous/next links and
related-article lists. They keep their entity mentions but give no facts.

Lines are read in the raw text: layout repair may join a menu line to the headline
and the lead paragraph below it."""
from __future__ import annotations

import re
from functools import lru_cache

from .context import cues


def furniture_spans(raw: str) -> list[tuple[int, int]]:
    """Raw ``[start, end)`` of the furniture lines, in order."""
    line_re, markers, max_line = _grammar()
    if not line_re.search(raw) and not any(m in raw for m in markers):
        return []
    out: list[tuple[int, int]] = []
    in_list = False
    pos = 0
    for line in raw.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        stripped = line.strip(" \t\u3000\r\n")
        if not stripped:
            continue
        if stripped.rstrip("：:") in markers:
            in_list = True  # a related-articles list follows its marker
            out.append((start, pos))
            continue
        if in_list and len(stripped) <= max_line and "。" not in stripped:
            out.append((start, pos))
            continue
        in_list = False
        if line_re.search(stripped):
            out.append((start, pos))
    return out


@lru_cache(maxsize=1)
def _grammar() -> tuple["re.Pattern[str]", frozenset[str], int]:
    c = cues()
    return (re.compile(c["furniture_line_re"], re.M), frozenset(c["furniture_section_markers"]),
            int(c["furniture_section_max_line"]))
