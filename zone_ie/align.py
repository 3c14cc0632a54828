"""Make character offsets land on token boundaries.

Components find names and numbers on the character level. pkuseg may cut a
token across such a boundary (``年产12`` / ``万吨``); spaCy spans must start and
end on tokens. :func:`ensure_boundaries` splits tokens so that every given
character offset is a token boundary, which makes ``doc.char_span`` exact under
any segmenter.
"""
from __future__ import annotations

from typing import Iterable, Optional

import numpy
from spacy.attrs import IDX
from spacy.tokens import Doc, Span


def ensure_boundaries(doc: Doc, offsets: Iterable[int]) -> None:
    """Split tokens in place so that every offset in ``offsets`` is a token edge."""
    if not len(doc):
        return
    offsets = set(offsets)
    starts = doc.to_array(IDX).astype(numpy.int64)
    n_chars = int(starts[-1]) + len(doc[-1].text_with_ws)
    inner = [off for off in offsets if 0 < off < n_chars]
    if not inner:
        return
    # the token holding each offset, kept only where the offset is not its start
    at = numpy.searchsorted(starts, numpy.array(inner, dtype=numpy.int64), side="right") - 1
    holder = {off: i for off, i, s in zip(inner, at.tolist(), starts[at].tolist()) if s != off}
    cuts: dict[int, list[int]] = {}
    for off in offsets:  # same order as ever: it is the order of the splits
        i = holder.get(off)
        if i is None:
            continue
        tok = doc[i]
        rel = off - tok.idx
        if 0 < rel < len(tok.text):
            cuts.setdefault(i, []).append(rel)
    if not cuts:
        return
    # span groups hold token indices that a split would shift: keep their characters
    groups = {
        name: [(sp.start_char, sp.end_char, sp.label_, sp.kb_id_, sp.id_) for sp in group]
        for name, group in doc.spans.items()
    }
    with doc.retokenize() as retok:
        for i, rels in cuts.items():
            tok = doc[i]
            text = tok.text
            bounds = [0, *sorted(set(rels)), len(text)]
            orths = [text[a:b] for a, b in zip(bounds, bounds[1:])]
            # trailing whitespace of the token stays with the last piece
            heads = [(tok, 0)] * len(orths)
            retok.split(tok, orths, heads=heads)
    for name, spans in groups.items():
        rebuilt = []
        for start, end, label, kb_id, id_ in spans:
            span = doc.char_span(start, end, label=label, kb_id=kb_id, span_id=id_)
            assert span is not None, "span edges are token edges before and after a split"
            rebuilt.append(span)
        doc.spans[name] = rebuilt


def exact_span(doc: Doc, start: int, end: int, label: str = "") -> Optional[Span]:
    """``doc.char_span`` that first makes ``start``/``end`` token boundaries."""
    ensure_boundaries(doc, (start, end))
    return doc.char_span(start, end, label=label)
