"""Sentence and word splitting that needs no downloaded data, usable as a sumy tokenizer.

syntok splits sentences (abbreviations such as "Dec. 14" and "U.S." and decimals such as
"58.30%" stay whole) and is fast; it splits inside quotations, so sentences that open a quote
and do not close it are joined with the next one.
"""

from __future__ import annotations

import re
from functools import lru_cache

import syntok.segmenter as syntok_segmenter

_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:[-'’.][^\W_]+)*%?", re.UNICODE)
_OPEN_QUOTES = "“«"
_CLOSE_QUOTES = "”»"


def _quote_open(text: str) -> bool:
    curly = sum(text.count(q) for q in _OPEN_QUOTES) > sum(text.count(q) for q in _CLOSE_QUOTES)
    straight = text.count('"') % 2 == 1
    return curly or straight


def split_sentences(text: str) -> list[str]:
    """Split ``text`` (one or more paragraphs) into sentences, keeping quotations whole."""
    sentences: list[str] = []
    for paragraph in syntok_segmenter.analyze(text):
        pending = ""
        for sentence in paragraph:
            tokens = list(sentence)
            if not tokens:
                continue
            start = tokens[0].offset
            end = tokens[-1].offset + len(tokens[-1].value)
            piece = text[start:end].strip()
            pending = f"{pending} {piece}".strip() if pending else piece
            if not _quote_open(pending):
                sentences.append(pending)
                pending = ""
        if pending:
            sentences.append(pending)
    return sentences


def split_words(sentence: str) -> list[str]:
    """Words of a sentence, punctuation dropped; "58.30%" and "U.S." stay one word."""
    return _WORD.findall(sentence)


class OfflineTokenizer:
    """A sumy-compatible tokenizer (``language``, ``to_sentences``, ``to_words``)."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_cached_words(sentence))


@lru_cache(maxsize=65536)
def _cached_words(sentence: str) -> tuple[str, ...]:
    return tuple(split_words(sentence))
