"""``zone_normalizer``: every quantity and period expression of a Doc.

Wraps the pure parsers in :mod:`zone_ie.quantities` and :mod:`zone_ie.periods`:
``doc.spans["quantities"]`` and ``doc.spans["periods"]`` hold token-aligned
spans whose ``span._.quantity`` / ``span._.period`` carry the parsed object.
Relative years (今年, 去年) resolve from ``doc._.date`` when it is set.
"""
from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..align import ensure_boundaries
from ..periods import find_periods
from ..quantities import find_quantities


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
        text = doc._.repair.text  # == doc.text, without iterating tokens
        quantities = find_quantities(text)
        periods = find_periods(text, ref_year=ref_year(doc))
        ensure_boundaries(doc, [o for m in (*quantities, *periods) for o in (m.start, m.end)])
        qspans, pspans = [], []
        for m in quantities:
            span = doc.char_span(m.start, m.end, label="QUANTITY")
            if span is not None:
                span._.quantity = m.quantity.model_dump()
                qspans.append(span)
        for m in periods:
            span = doc.char_span(m.start, m.end, label="PERIOD")
            if span is not None:
                span._.period = m.period.model_dump() if m.period is not None else None
                pspans.append(span)
        doc.spans["quantities"] = qspans
        doc.spans["periods"] = pspans
        return doc
