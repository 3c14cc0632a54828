"""``zone_normalizer``: every quantity and period expression of a Doc.

Wraps the pure parsers in :mod:`zone_ie.quantities` and :mod:`zone_ie.periods`:
``doc.spans["quantities"]`` and ``doc.spans["periods"]`` hold token-aligned
spans whose ``span._.quantity`` / ``span._.period`` carry the parsed object.
Relative years (今年, 去年) resolve from ``doc._.date`` when it is set.
"""
from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..align import ensure_boundaries
from ..extensions import set_span_values
from ..numerals import to_halfwidth
from ..periods import scan_periods
from ..quantities import scan_quantities


@Language.factory("zone_normalizer", default_config={})
def make_normalizer(nlp: Language, name: str) -> "ZoneNormalizer":
    return ZoneNormalizer(name)


def ref_year(doc: Doc) -> Optional[int]:
    """The year of ``doc._.date`` (``YYYY-MM-DD``), if any."""
    date = doc._.date
    if isinstance(date, str) and len(date) >= 4 and date[:4].isdigit():
        return int(date[:4])
    return None


class ZoneNormalizer:
    """Find and parse quantities and periods; see the module docstring."""

    def __init__(self, name: str = "zone_normalizer") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        # == doc.text, without iterating tokens; both scanners read it half-width
        t = to_halfwidth(doc._.repair.text)
        quantities = scan_quantities(t)
        periods = scan_periods(t, ref_year=ref_year(doc))
        qspans, pspans = _spans(doc, quantities, "QUANTITY"), _spans(doc, periods, "PERIOD")
        if any(span is None for span in (*qspans, *pspans)):
            # An edge may fall inside a token (pkuseg): split, then redo the spans.
            # (When every span exists, no edge is inside a token: the split is a no-op.)
            ensure_boundaries(doc, [o for m in (*quantities, *periods) for o in (m[0], m[1])])
            qspans, pspans = _spans(doc, quantities, "QUANTITY"), _spans(doc, periods, "PERIOD")
        doc.spans["quantities"] = _attach(qspans, quantities, "quantity")
        doc.spans["periods"] = _attach(pspans, periods, "period")
        return doc


def _spans(doc: Doc, matches: list, label: str) -> list[Optional[Span]]:
    """``doc.char_span`` of each ``(start, end, fields)`` match (None if not on token edges)."""
    return [doc.char_span(start, end, label=label) for start, end, _ in matches]


def _attach(spans: list[Optional[Span]], matches: list, attr: str) -> list[Span]:
    """The spans that exist, each with its match's fields as ``span._.<attr>``."""
    pairs = [(span, fields) for span, (_, _, fields) in zip(spans, matches) if span is not None]
    out = [span for span, _ in pairs]
    set_span_values(out, attr, [fields for _, fields in pairs])
    return out
