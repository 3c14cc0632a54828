"""Shared fixtures: one char pipeline for every test module that needs one."""
from __future__ import annotations

import pytest

from zone_ie.pipeline import load


@pytest.fixture(scope="session")
def nlp():
    """The zone_ie pipeline with the char segmenter (loaded once per test session)."""
    return load(segmenter="char")


@pytest.fixture(scope="session")
def rules_nlp():
    """The pipeline with the confidence filter scoring only (threshold 0): what the
    relation rules extract, before the learned filter drops unlikely figures."""
    return load(segmenter="char", **{"components.zone_fact_filter.threshold": 0.0})
