"""Document texts for evidence snippets (knowledge base).

The fact store keeps offsets, not texts. ``kb build`` reads a document's text
again from its recorded ``source`` (a ``.txt`` path, or ``FILE.jsonl:LINE``)
and uses it only when its SHA-256 equals the stored one, so an evidence
snippet is always the very text the offsets point into.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Optional

from ..batch import content_sha256
from ..io import read_text_file, strip_bom

_JSONL_LINE = re.compile(r"^(?P<path>.+\.jsonl):(?P<line>\d+)$")


class TextSource:
    """Reads texts by source, caching each JSONL file's lines."""

    def __init__(self, texts: Optional[dict[str, str]] = None) -> None:
        self.texts = dict(texts or {})
        self._lines: dict[str, list[str]] = {}

    def get(self, doc_id: str, source: str, sha256: Optional[str]) -> Optional[str]:
        """The text of ``doc_id`` if it can be read and matches ``sha256``."""
        text = self.texts.get(doc_id)
        if text is None and source:
            text = self._read(source)
        if text is None:
            return None
        if sha256 and content_sha256(text) != sha256:
            return None
        return text

    def _read(self, source: str) -> Optional[str]:
        m = _JSONL_LINE.match(source)
        try:
            if m is None:
                p = Path(source)
                return read_text_file(p) if p.is_file() else None
            path = m.group("path")
            if path not in self._lines:
                self._lines[path] = (Path(path).read_text(encoding="utf-8").split("\n")
                                     if Path(path).is_file() else [])
            lines = self._lines[path]
            n = int(m.group("line"))
            if not 1 <= n <= len(lines):
                return None
            text = json.loads(lines[n - 1]).get("text")
            return strip_bom(text) if isinstance(text, str) else None
        except (OSError, ValueError, UnicodeDecodeError, AttributeError):
            return None
