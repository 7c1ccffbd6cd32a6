"""The model's attribute rules (tag → part of speech and morphology, and its exceptions) and its lemmatizer,
applied by lookup over the parsed document's arrays.

spaCy's attribute ruler runs every one of its 179 token patterns at every token through the general
Matcher, and its lemmatizer sets each token's lemma through the token object: together about a quarter of
the analysis once the networks run on numpy's BLAS. The rules here are the model's own (read from its
``attribute_ruler``); a single-token rule depends only on the token's lower-case form, tag, dependency and
whether it is a space, so what such rules give a token is worked out once per distinct combination and
remembered; the few two-token rules are tried where their first token fits. Matches are made on the
tokens as the tagger and parser left them and applied in the ruler's order, later rules winning, exactly
as the ruler does. Lemmas come from the model's lemmatizer, once per distinct (form, part of speech,
morphology), which is all its rules read. Results are written back in one array call per attribute. A
test compares the outcome with the stock components on every token of a news sample.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Values = dict[str, Any]  # one token's LOWER, TAG, DEP (strings) and IS_SPACE (bool)
Check = Callable[[Values], bool]
_READ = ["LOWER", "TAG", "DEP", "IS_SPACE", "ORTH", "POS", "MORPH", "LEMMA"]
_TRIGGERS = ("LOWER", "TAG", "DEP", "IS_SPACE")
_REMEMBERED = 200_000  # distinct (form, tag, dependency, space) combinations remembered, then forgotten
_BY_ARRAY = frozenset({"POS", "MORPH", "LEMMA"})  # written back as arrays; TAG and DEP (rare) token by token


@dataclass(frozen=True)
class _Rule:
    order: int
    steps: tuple[tuple[Check, ...], ...]  # per token of the pattern: what it must satisfy
    index: int  # which token of the match takes the attributes
    attrs: dict[str, str]

    def fits(self, k: int, values: Values) -> bool:
        return all(check(values) for check in self.steps[k])


def _check(key: str, spec: Any) -> Check:
    if key not in _TRIGGERS:
        raise ValueError(f"attribute rule on {key} not supported")
    if isinstance(spec, dict):
        if set(spec) == {"IN"}:
            allowed = frozenset(spec["IN"])
            return lambda v: v[key] in allowed
        if set(spec) == {"NOT_IN"}:
            barred = frozenset(spec["NOT_IN"])
            return lambda v: v[key] not in barred
        if set(spec) == {"REGEX"}:
            pattern = re.compile(spec["REGEX"])
            return lambda v: bool(pattern.search(v[key]))
        raise ValueError(f"attribute rule {spec} not supported")
    return lambda v: v[key] == spec


class TagRules:
    """The model's attribute rules and lemmatizer, applied to a parsed ``Doc`` by lookup."""

    def __init__(self, patterns: list[dict[str, Any]], lemmatizer: Any) -> None:
        self.by: dict[tuple[str, Any], list[_Rule]] = {}  # rules by what their first token must be
        for order, entry in enumerate(patterns):
            for pattern in entry["patterns"]:
                steps = tuple(tuple(_check(key, spec) for key, spec in token.items()) for token in pattern)
                rule = _Rule(order, steps, int(entry.get("index", 0)), dict(entry["attrs"]))
                for trigger in _triggers(pattern[0]):
                    self.by.setdefault(trigger, []).append(rule)
        self.lemmatizer = lemmatizer
        self._matches: dict[tuple[int, int, int, int], tuple[list[_Rule], list[_Rule]]] = {}
        self._lemmas: dict[tuple[int, int, int], int] = {}
        self._values: dict[tuple[int, int, int, int], Values] = {}

    def __call__(self, doc: Any) -> Any:
        rows = doc.to_array(_READ).tolist()
        strings = doc.vocab.strings
        found: list[tuple[int, int, _Rule]] = []
        for i, row in enumerate(rows):
            single, starts = self._token_matches(tuple(row[:4]), strings)
            found += [(rule.order, i, rule) for rule in single]
            for rule in starts:
                if i + len(rule.steps) <= len(rows) and all(
                    rule.fits(k, self._token_values(tuple(rows[i + k][:4]), strings)) for k in range(1, len(rule.steps))
                ):
                    found.append((rule.order, i, rule))
        final: dict[int, dict[str, str]] = {}
        for _, start, rule in sorted(found, key=lambda f: (f[0], f[1])):
            final.setdefault(start + rule.index, {}).update(rule.attrs)
        self._write(doc, rows, final)
        return doc

    def _token_values(self, key: tuple[int, int, int, int], strings: Any) -> Values:
        values = self._values.get(key)
        if values is None:
            lower, tag, dep, space = key
            values = {"LOWER": strings[lower], "TAG": strings[tag], "DEP": strings[dep], "IS_SPACE": bool(space)}
            self._values[key] = values
        return values

    def _token_matches(self, key: tuple[int, int, int, int], strings: Any) -> tuple[list[_Rule], list[_Rule]]:
        """The single-token rules that match a token with these values, and the longer rules it may start."""
        found = self._matches.get(key)
        if found is None:
            values = self._token_values(key, strings)
            fitting = [
                rule
                for trigger in (("ANY", None), *((name, values[name]) for name in _TRIGGERS))
                for rule in self.by.get(trigger, ())
                if rule.fits(0, values)
            ]
            found = ([r for r in fitting if len(r.steps) == 1], [r for r in fitting if len(r.steps) > 1])
            if len(self._matches) > _REMEMBERED:
                self._matches.clear()
                self._values.clear()
                self._lemmas.clear()
            self._matches[key] = found
        return found

    def _write(self, doc: Any, rows: list[list[int]], final: dict[int, dict[str, str]]) -> None:
        """Set the rules' attributes, then lemmas where none is set, as the ruler and lemmatizer would."""
        vocab = doc.vocab
        pos = [row[5] for row in rows]
        morph = [row[6] for row in rows]
        lemma = [row[7] for row in rows]
        by_token: list[int] = []
        for i, attrs in final.items():
            if "POS" in attrs:
                pos[i] = vocab.strings[attrs["POS"]]
            if "MORPH" in attrs:
                morph[i] = vocab.morphology.add(attrs["MORPH"])
            if "LEMMA" in attrs:
                lemma[i] = vocab.strings.add(attrs["LEMMA"])
            if not _BY_ARRAY.issuperset(attrs):
                by_token.append(i)
        doc.from_array(["POS", "MORPH"], _columns(pos, morph))
        for i in by_token:
            _apply(doc[i], final[i])
        if by_token:  # the rules that set a tag or dependency set a part of speech and morphology too
            pos, morph = (list(column) for column in zip(*doc.to_array(["POS", "MORPH"]).tolist(), strict=True))
        for i, row in enumerate(rows):
            if lemma[i] == 0:
                key = (row[4], pos[i], morph[i])
                found = self._lemmas.get(key)
                if found is None:
                    found = vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                    self._lemmas[key] = found
                lemma[i] = found
        doc.from_array(["LEMMA"], _columns(lemma))


def _triggers(first: dict[str, Any]) -> list[tuple[str, Any]]:
    """What a pattern's first token must be for the pattern to start there (its most selective plain test)."""
    for name in _TRIGGERS:
        spec = first.get(name)
        if isinstance(spec, (str, bool)):
            return [(name, spec)]
        if isinstance(spec, dict) and set(spec) == {"IN"}:
            return [(name, value) for value in spec["IN"]]
    return [("ANY", None)]


def _columns(*columns: list[int]) -> Any:
    import numpy

    return numpy.array(list(zip(*columns, strict=True)), dtype="uint64").reshape(len(columns[0]), len(columns))


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
