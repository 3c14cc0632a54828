"""Typed fact objects: the SPEC (sections 2-8) as Pydantic v2 models.

Every model serializes to exactly the SPEC JSONL shape with ``model_dump()``
(``mode="json"``); nothing here knows about spaCy.
"""
from __future__ import annotations

from typing import Annotated, Any, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field

Label = Literal["PARK", "COMPANY"]
Qualifier = Optional[Literal["over", "under", "approx"]]
Status = Optional[
    Literal["signed", "planned", "under_construction", "in_production", "completed"]
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class Quantity(_Model):
    """A number with its unit scaled to the SPEC base unit (SPEC 5)."""

    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    unit: str
    qualifier: Qualifier = None
    classifier: Optional[str] = None


class Period(_Model):
    """A reporting period (SPEC 6); months are 1-12, both ends inclusive."""

    year: Optional[int] = None
    start_month: Optional[int] = None
    end_month: Optional[int] = None


class Entity(_Model):
    """A PARK or COMPANY mention; offsets are raw-text code points, half-open."""

    start: int
    end: int
    label: Label
    text: str


class Cluster(_Model):
    """All names one document uses for one real-world park or company."""

    label: Label
    canonical: str
    names: list[str]


class _Fact(_Model):
    evidence: Optional[tuple[int, int]] = None


class AliasFact(_Fact):
    type: Literal["alias"] = "alias"
    label: Label
    name: str
    alias: str


class LocatedInFact(_Fact):
    type: Literal["located_in"] = "located_in"
    company: str
    park: str


class MetricFact(_Fact):
    type: Literal["metric"] = "metric"
    subject: str
    indicator: str
    indicator_text: Optional[str] = None
    scope: Optional[str] = None
    period: Optional[Period] = None
    value: Optional[Quantity] = None
    yoy_pct: Optional[float] = None
    share_pct: Optional[float] = None


class ProjectFact(_Fact):
    type: Literal["project"] = "project"
    name: str
    company: Optional[str] = None
    park: Optional[str] = None
    investment: Optional[Quantity] = None
    capacity: list[Quantity] = Field(default_factory=list)
    status: Status = None


Fact = Annotated[
    Union[AliasFact, LocatedInFact, MetricFact, ProjectFact],
    Field(discriminator="type"),
]


class DocResult(_Model):
    """One line of the SPEC JSONL (gold and predictions share it)."""

    doc_id: str
    date: Optional[str] = None
    entities: list[Entity] = Field(default_factory=list)
    clusters: list[Cluster] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)

    def to_json_dict(self) -> dict[str, Any]:
        """The SPEC JSON object for this document."""
        return self.model_dump(mode="json")

    def to_jsonl(self) -> str:
        """One JSONL line (no trailing newline), UTF-8 characters kept as they are."""
        return self.model_dump_json()
