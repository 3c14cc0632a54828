"""Make character offsets land on token boundaries.

Components find names and numbers on the character level. pkuseg may cut a
token across such a boundary (``年产12`` / ``万吨``); spaCy spans must start and
end on tokens. :func:`ensure_boundaries` splits tokens so that every given
character offset is a token boundary, which makes ``doc.char_span`` exact under
any segmenter.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Iterable, Optional

from spacy.attrs import IDX
from spacy.tokens import Doc, Span


def ensure_boundaries(doc: Doc, offsets: Iterable[int]) -> None:
    """Split tokens in place so that every offset in ``offsets`` is a token edge."""
    if not len(doc):
        return
    starts = doc.to_array(IDX).tolist()
    n_chars = starts[-1] + len(doc[-1].text_with_ws)
    edges = set(starts)
    cuts: dict[int, list[int]] = {}
    for off in set(offsets):
        if off <= 0 or off >= n_chars or off in edges:
            continue
        i = bisect_right(starts, off) - 1
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
