"""Build the SPEC document result (entities, clusters, facts) from a processed Doc."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from .models import Cluster, DocResult, Entity
from .names import norm_name


def doc_entities(doc: Doc) -> list[Entity]:
    """Entity mentions with raw offsets; ``text`` is the raw slice."""
    rep = doc._.repair
    raw = rep.raw
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("PARK", "COMPANY"):
            continue
        s, e = rep.span_to_raw(ent.start_char, ent.end_char)
        out.append(Entity(start=s, end=e, label=ent.label_, text=raw[s:e]))
    return out


def doc_clusters(doc: Doc) -> list[Cluster]:
    """Group mentions by cluster key (``span.id_`` or the normalized name).

    The canonical name is the longest name of the cluster (the fullest formal
    name the document gives), ties to the first mentioned.
    """
    groups: dict[tuple[str, str], list[str]] = {}
    for ent in doc.ents:
        if ent.label_ not in ("PARK", "COMPANY"):
            continue
        key = (ent.label_, ent.id_ or norm_name(ent.text))
        names = groups.setdefault(key, [])
        name = norm_name(ent.text)
        if name not in names:
            names.append(name)
    clusters = []
    for (label, _), names in groups.items():
        canonical = max(names, key=len)
        clusters.append(Cluster(label=label, canonical=canonical, names=names))
    return clusters


def doc_result(doc: Doc, doc_id: Optional[str] = None, date: Optional[str] = None) -> DocResult:
    """The SPEC result of a Doc processed by the zone_ie pipeline."""
    return DocResult(
        doc_id=doc_id if doc_id is not None else (doc._.doc_id or ""),
        date=date if date is not None else doc._.date,
        entities=doc_entities(doc),
        clusters=doc_clusters(doc),
        facts=list(doc._.facts or []),
    )
