"""The linguistic layer: spaCy analysis of articles, run once at ingest and kept as plain records.

Nothing outside this package imports spaCy; every later step reads the records in ``records``.
"""

from summarizer.analysis.records import ArticleAnalysis, Entity, SentenceAnalysis, Token

__all__ = ["ArticleAnalysis", "Entity", "SentenceAnalysis", "Token"]
