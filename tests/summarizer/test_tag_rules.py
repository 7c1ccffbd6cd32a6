"""The attribute rules by lookup give exactly what the model's own attribute ruler gives."""

from __future__ import annotations

from summarizer.analysis.analyse import _parse
from summarizer.analysis.model import load_pipeline

SENTENCES = [
    "The council of Arvel approved a new footbridge on Monday, at a cost of 4.2 million crowns.",
    "“We ain't done yet,” the mayor said, adding that y'all would see gonna-be-famous results.",
    "Let's be clear: it was the union's leaders who got the deal, and she gets the credit.",
    "There were 1,200 people in the square; there is no doubt that it rained.  Then it stopped.",
    "Do they know? He did, and I told you that it had been decided by whoever runs the firm.",
    "Nothin' changed after the 3-1 win, c'mon, said Odile Marsh of the Kesselby Rovers.",
]


def _read(doc: object) -> list[tuple[str, ...]]:
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, str(t.head.i), t.ent_type_)
        for t in doc  # type: ignore[attr-defined]
    ]


def test_lookup_rules_match_the_model_s_ruler_token_for_token() -> None:
    stock = [_read(doc) for doc in load_pipeline().pipe(SENTENCES)]
    ours = [_read(doc) for doc in _parse(SENTENCES)]
    assert ours == stock


def test_numpy_s_blas_gives_the_analysis_spacy_s_default_blis_gives() -> None:
    import spacy

    from summarizer.analysis.model import model_path

    default = spacy.load(model_path())  # thinc's own blis for the matrix products
    assert [_read(doc) for doc in default.pipe(SENTENCES)] == [_read(doc) for doc in _parse(SENTENCES)]
