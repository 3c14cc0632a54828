"""One project named several times in a document is one fact (SPEC 4): mentions
whose names match (one contains the other after :func:`~zone_ie.names.norm_name`, or
they share most characters, with no phase that tells them apart) are merged, each
field taken from the mention that states it."""
from __future__ import annotations

from collections import Counter
from typing import Optional

from ..models import ProjectFact
from ..names import NAME_SIM, lcs_len, norm_name, project_names_match
from .project_names import project_grammar


class _Names:
    """What comparing project names reads off a name (its :func:`norm_name`, phases
    and character counts), worked out once per name: one memo per :func:`merge_mentions`."""

    def __init__(self) -> None:
        self._norms: dict[str, str] = {}
        self._phases: dict[str, frozenset[str]] = {}
        self._counts: dict[str, Counter] = {}

    def norm(self, name: str) -> str:
        hit = self._norms.get(name)
        if hit is None:
            hit = self._norms[name] = norm_name(name)
        return hit

    def phases(self, name: str) -> frozenset[str]:
        hit = self._phases.get(name)
        if hit is None:
            hit = self._phases[name] = frozenset(project_grammar()["phase"].findall(name))
        return hit

    def counts(self, norm: str) -> Counter:
        hit = self._counts.get(norm)
        if hit is None:
            hit = self._counts[norm] = Counter(norm)
        return hit


def _names_match(a: str, b: str, names: Optional[_Names] = None) -> bool:
    """``project_names_match(a, b)``, without its LCS when the names' lengths or
    shared characters (both bound the LCS from above) already rule a match out."""
    names = names or _Names()
    an, bn = names.norm(a or ""), names.norm(b or "")
    if an and bn and an not in bn and bn not in an:
        longest = max(len(an), len(bn))
        if min(len(an), len(bn)) / longest < NAME_SIM:
            return False  # the shared characters are at most the shorter name
        if _shared(names.counts(an), names.counts(bn)) / longest < NAME_SIM:  # shared >= the LCS length
            return False
    return project_names_match(a, b)


def _shared(a: Counter, b: Counter) -> int:
    """``sum((a & b).values())`` of positive counts, without building ``a & b``."""
    if len(a) > len(b):
        a, b = b, a
    return sum([min(n, b[k]) for k, n in a.items() if k in b])


def _same_project(p: ProjectFact, q: ProjectFact, names: _Names) -> bool:
    """Names match by SPEC 9; of one company, the shorter name may also be a near
    subsequence of the longer (``X高性能材料制造`` ~ ``X科技年产1万吨高性能材料制造项目``)."""
    if p.company and q.company and p.company != q.company:
        return False
    phases = [names.phases(p.name), names.phases(q.name)]
    if all(phases) and phases[0] != phases[1]:
        return False  # 一期 and 三期 of one plant are two projects
    if _names_match(p.name, q.name, names):
        return True
    a, b = names.norm(p.name), names.norm(q.name)
    if all(phases) and p.company and p.company == q.company:  # X一期项目 ~ X一期5GW组件项目
        own = [norm_name(x.name.replace(p.company, "")) for x in (p, q)]
        short, long_ = sorted(own, key=len)
        if short and lcs_len(short, long_) == len(short):
            return True
    return bool(p.company and p.company == q.company and lcs_len(a, b) >= 0.8 * min(len(a), len(b)))


def merge_mentions(projects: list[ProjectFact]) -> list[ProjectFact]:
    """One fact per project: later mentions of the same project (same company or
    none, names matching by SPEC 9) fill in what the first mention lacked."""
    out: list[ProjectFact] = []
    names = _Names()
    for p in projects:
        for i, q in enumerate(out):
            if _same_project(p, q, names):
                out[i] = q.model_copy(update={
                    "name": max(q.name, p.name, key=len),
                    "company": q.company or p.company,
                    "investment": q.investment or p.investment,
                    "capacity": q.capacity or p.capacity,
                    "status": q.status or p.status,
                })
                break
        else:
            out.append(p)
    return out
