"""Build the SPEC document result (entities, clusters, facts) from a processed Doc."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from .models import Cluster, DocResult, Entity
from .names import norm_name


def _mentions(doc: Doc) -> list[tuple[int, int, str, str, str]]:
    """``(start_char, end_char, label, text, cluster id)`` of the PARK and COMPANY mentions."""
    # == doc.text in the characters the user wrote (traditional stays traditional);
    # a slice is cheaper than joining a span's tokens
    text = doc._.repair.written
    out = []
    for ent in doc.ents:
        label = ent.label_
        if label in ("PARK", "COMPANY"):
            s, e = ent.start_char, ent.end_char
            out.append((s, e, label, text[s:e], ent.id_))
    return out


def doc_entities(doc: Doc, mentions: Optional[list[tuple[int, int, str, str, str]]] = None) -> list[Entity]:
    """Entity mentions with raw offsets; ``text`` is the raw slice."""
    rep = doc._.repair
    raw = rep.raw
    out = []
    for start, end, label, _, _ in _mentions(doc) if mentions is None else mentions:
        s, e = rep.span_to_raw(start, end)
        out.append(Entity(start=s, end=e, label=label, text=raw[s:e]))
    return out


def doc_clusters(doc: Doc, mentions: Optional[list[tuple[int, int, str, str, str]]] = None) -> list[Cluster]:
    """Group mentions by cluster key (``span.id_`` or the normalized name).

    The canonical name is the longest name of the cluster (the fullest formal
    name the document gives), ties to the first mentioned.
    """
    groups: dict[tuple[str, str], list[str]] = {}
    for _, _, label, text, id_ in _mentions(doc) if mentions is None else mentions:
        name = norm_name(text)
        key = (label, id_ or name)
        names = groups.setdefault(key, [])
        if name not in names:
            names.append(name)
    clusters = []
    for (label, _), names in groups.items():
        canonical = max(names, key=len)
        clusters.append(Cluster(label=label, canonical=canonical, names=names))
    return clusters


def doc_result(doc: Doc, doc_id: Optional[str] = None, date: Optional[str] = None) -> DocResult:
    """The SPEC result of a Doc processed by the zone_ie pipeline."""
    mentions = _mentions(doc)
    return DocResult(
        doc_id=doc_id if doc_id is not None else (doc._.doc_id or ""),
        date=date if date is not None else doc._.date,
        entities=doc_entities(doc, mentions),
        clusters=doc_clusters(doc, mentions),
        facts=list(doc._.facts or []),
    )
