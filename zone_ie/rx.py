"""Module-level ``regex`` calls with a cheap compiled-pattern cache, and
:func:`char_class`, the stdlib pattern of a set of characters.

``regex.search(pattern_string, …)`` looks the pattern up in the library's own
cache on every call, which costs more than the match itself for short texts.
These functions keep compiled patterns in an ``lru_cache`` keyed by the string.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable, Iterator, Optional, Union

import regex


@lru_cache(maxsize=None)
def compiled(pattern: str) -> "regex.Pattern[str]":
    return regex.compile(pattern)


def search(pattern: str, text: str, *args: Any) -> Optional["regex.Match[str]"]:
    return compiled(pattern).search(text, *args)


def match(pattern: str, text: str, *args: Any) -> Optional["regex.Match[str]"]:
    return compiled(pattern).match(text, *args)


def fullmatch(pattern: str, text: str, *args: Any) -> Optional["regex.Match[str]"]:
    return compiled(pattern).fullmatch(text, *args)


def finditer(pattern: str, text: str, *args: Any) -> Iterator["regex.Match[str]"]:
    return compiled(pattern).finditer(text, *args)


def sub(pattern: str, repl: Union[str, Callable[["regex.Match[str]"], str]], text: str, count: int = 0) -> str:
    return compiled(pattern).sub(repl, text, count)


@lru_cache(maxsize=64)
def char_class(chars: str) -> "re.Pattern[str]":
    """One stdlib pattern matching any single character of ``chars`` (never matches if empty)."""
    return re.compile("[" + re.escape(chars) + "]" if chars else "(?!)")
