"""``zone_relations``: turn entities, quantities and periods into SPEC facts.

Writes typed fact objects (:mod:`zone_ie.models`) to ``doc._.facts``; each
fact's evidence is a raw-text ``[start, end]``. The extractors live in
:mod:`zone_ie.relations` (one module per fact type).
"""
from __future__ import annotations

from typing import Any, Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..models import AliasFact, ProjectFact
from ..relations import prepare
from ..relations.context import build_context, outside_furniture
from ..relations.dedupe import canonical_names, canonicalize, dedupe
from ..relations.headlines import drop_display_repeats
from ..relations.located import located_facts
from ..relations.metrics import metric_facts
from ..relations.scopes import scope_project_figures
from ..relations.project_merge import merge_mentions
from ..relations.projects import project_facts
from ..convert import as_written
from ..repair import RepairedText

# fact fields that hold text read from the document
_TEXT_FIELDS = ("name", "alias", "company", "park", "subject", "indicator_text", "scope")


@Language.factory("zone_relations", default_config={})
def make_relations(nlp: Language, name: str) -> "ZoneRelations":
    return ZoneRelations(name)


class ZoneRelations:
    """Extract facts from an annotated Doc; see the module docstring."""

    def __init__(self, name: str = "zone_relations") -> None:
        self.name = name
        prepare()  # fixed patterns compiled at load, not in the first documents

    def __call__(self, doc: Doc) -> Doc:
        rep = doc._.repair  # rebuilt on every access: read it once
        facts: list[Any] = []
        facts.extend(self.alias_facts(doc, rep))
        ctx = build_context(doc, rep)
        projects = outside_furniture(ctx, project_facts(ctx))
        facts.extend(outside_furniture(ctx, located_facts(ctx, projects)))
        facts.extend(drop_display_repeats(ctx, scope_project_figures(ctx, metric_facts(ctx), projects)))
        facts.extend(projects)
        names = canonical_names((e.text, e.key) for e in ctx.ents)
        facts = canonicalize(facts, names)
        merged = merge_mentions([f for f in facts if isinstance(f, ProjectFact)])
        facts = dedupe([f for f in facts if not isinstance(f, ProjectFact)] + merged)
        doc._.facts = facts if rep.view is None else written_facts(facts, rep)
        return doc

    def alias_facts(self, doc: Doc, rep: Optional[RepairedText] = None) -> list[AliasFact]:
        """One alias fact per declaration found by the entity ruler (``rep``: the
        doc's ``doc._.repair`` when at hand)."""
        aliases = doc.user_data.get("zone_ie", {}).get("aliases", [])
        if not aliases:
            return []
        rep = rep or doc._.repair
        text = rep.text
        out = []
        for ns, ne, as_, ae, label in aliases:
            ev = rep.span_to_raw(ns, _clause_end(text, ae))
            out.append(AliasFact(label=label, name=text[ns:ne], alias=text[as_:ae], evidence=ev))
        return out


def written_facts(facts: list[Any], rep: RepairedText) -> list[Any]:
    """Facts whose text fields are in the characters the user wrote (see
    :func:`zone_ie.convert.as_written`), each found near its evidence."""
    out = []
    for f in facts:
        near = rep.from_raw(f.evidence[0]) if f.evidence is not None else 0
        update = {}
        for field in _TEXT_FIELDS:
            value = getattr(f, field, None)
            if isinstance(value, str) and value:
                update[field] = as_written(value, rep, near)
        out.append(f.model_copy(update=update) if update else f)
    return out


def _clause_end(text: str, i: int) -> int:
    """End of the bracket or clause that contains position ``i``."""
    for j in range(i, min(len(text), i + 40)):
        if text[j] in "）)，,。；;\n":
            return j + 1
    return i
