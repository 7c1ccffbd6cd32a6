"""The model's attribute rules (tag → part of speech and morphology, and its exceptions) applied by lookup.

spaCy's attribute ruler runs every one of its 179 token patterns at every token through the general
Matcher, about a seventh of the whole analysis. Almost all of them test only a token's tag and lower-case
form; here each pattern is indexed by what its first token must be (a lower-case form, a tag, a
dependency, a space), so a token is tested only against the patterns it could start. The rules are the
model's own (read from its ``attribute_ruler``), matched on the tokens as the tagger and parser left
them and applied in the ruler's order, later rules winning, exactly as the ruler does (a test compares
the two on every token of a news sample).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Check = Callable[[Any], bool]


@dataclass(frozen=True)
class _Rule:
    order: int
    steps: tuple[tuple[Check, ...], ...]  # per token of the pattern: what it must satisfy
    index: int  # which token of the match takes the attributes
    attrs: dict[str, str]


def _value(token: Any, key: str) -> Any:
    if key == "TAG":
        return token.tag_
    if key == "LOWER":
        return token.lower_
    if key == "DEP":
        return token.dep_
    if key == "IS_SPACE":
        return token.is_space
    raise ValueError(f"attribute rule on {key} not supported")


def _check(key: str, spec: Any) -> Check:
    if isinstance(spec, dict):
        if set(spec) == {"IN"}:
            allowed = frozenset(spec["IN"])
            return lambda t: _value(t, key) in allowed
        if set(spec) == {"NOT_IN"}:
            barred = frozenset(spec["NOT_IN"])
            return lambda t: _value(t, key) not in barred
        if set(spec) == {"REGEX"}:
            pattern = re.compile(spec["REGEX"])
            return lambda t: bool(pattern.search(_value(t, key)))
        raise ValueError(f"attribute rule {spec} not supported")
    return lambda t: _value(t, key) == spec


def _trigger(first: dict[str, Any]) -> tuple[str, tuple[Any, ...]]:
    """What the first token must be for the pattern to start there (the most selective plain test)."""
    for key in ("LOWER", "TAG", "DEP", "IS_SPACE"):
        spec = first.get(key)
        if isinstance(spec, (str, bool)):
            return key, (spec,)
        if isinstance(spec, dict) and set(spec) == {"IN"}:
            return key, tuple(spec["IN"])
    return "ANY", (None,)


class TagRules:
    """The model's attribute rules, indexed by what their first token must be."""

    def __init__(self, patterns: list[dict[str, Any]]) -> None:
        self.by: dict[str, dict[Any, list[_Rule]]] = {}
        for order, entry in enumerate(patterns):
            for pattern in entry["patterns"]:
                steps = tuple(tuple(_check(key, spec) for key, spec in token.items()) for token in pattern)
                rule = _Rule(order, steps, int(entry.get("index", 0)), dict(entry["attrs"]))
                key, values = _trigger(pattern[0])
                for value in values:
                    self.by.setdefault(key, {}).setdefault(value, []).append(rule)

    def __call__(self, doc: Any) -> Any:
        found: list[tuple[int, int, _Rule]] = []
        by = self.by
        anywhere = by.get("ANY", {}).get(None, [])
        for token in doc:
            candidates = [
                *by.get("LOWER", {}).get(token.lower_, ()),
                *by.get("TAG", {}).get(token.tag_, ()),
                *by.get("DEP", {}).get(token.dep_, ()),
                *by.get("IS_SPACE", {}).get(token.is_space, ()),
                *anywhere,
            ]
            for rule in candidates:
                start = token.i
                if start + len(rule.steps) > len(doc):
                    continue
                if all(all(check(doc[start + k]) for check in step) for k, step in enumerate(rule.steps)):
                    found.append((rule.order, start, rule))
        for _, start, rule in sorted(found, key=lambda f: (f[0], f[1])):
            _apply(doc[start + rule.index], rule.attrs)
        return doc


def _apply(token: Any, attrs: dict[str, str]) -> None:
    for key, value in attrs.items():
        if key == "POS":
            token.pos_ = value
        elif key == "MORPH":
            token.set_morph(value)
        elif key == "LEMMA":
            token.lemma_ = value
        elif key == "TAG":
            token.tag_ = value
        elif key == "DEP":
            token.dep_ = value
        else:
            raise ValueError(f"attribute rule setting {key} not supported")
