"""Fast paths of the third speed pass agree with the plain definitions they replace."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from zone_ie.names import norm_name

_WS = re.compile(r"\s+")
_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}

# names as the documents write them, plus every kind of character norm_name changes
name_chars = st.sampled_from(list("阿拉善高新区（）()有限公司ＡＢ１２ab12 \t\n\u3000\u00a0\u2009·－-") + [chr(0xFF01), chr(0xFF5E), chr(0xFF5F), chr(0xFF00)])
names = st.one_of(st.lists(name_chars, max_size=12).map("".join), st.text(max_size=12))


@settings(max_examples=3000, deadline=None)
@given(names)
def test_norm_name_equals_its_definition(name: str) -> None:
    assert norm_name(name) == _WS.sub("", name.translate(_FULLWIDTH))
