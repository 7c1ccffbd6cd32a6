"""``newsbrief framing --picture out.png``: the first matching story's coverage picture, written to a file."""

from __future__ import annotations

import sys
from pathlib import Path

from bot.render.markup import plain_text
from summarizer.documents import BriefDocument, Document, FramingDocument


def configured_outlets(config_path: Path) -> list[str]:
    """The outlets of the configuration's sources (none when there is no file or it is invalid, said so)."""
    if not config_path.is_file():
        return []
    from bot.config.validate import load_config
    from summarizer.errors import NewsbriefError

    try:
        return [s.outlet for s in load_config(config_path).sources]
    except NewsbriefError as exc:
        print(f"newsbrief: not naming missing outlets: {exc.user_message}", file=sys.stderr)
        return []


def write_picture(doc: Document, target: str, config_path: Path) -> int:
    """Draw the picture of ``doc``'s first story into ``target``; 0 when written or when there is nothing to
    compare (a single-outlet story: said on stderr), 1 when the file cannot be written."""
    from bot.render.coverage_picture import draw
    from summarizer.coverage import coverage

    stories = doc.stories if isinstance(doc, BriefDocument | FramingDocument) else []
    if not stories:
        return 0
    title = plain_text(stories[0].title)
    data = coverage(stories[0], configured_outlets(config_path))
    if data is None:
        print(f"newsbrief: no picture: only one outlet reports “{title}”, nothing to compare.", file=sys.stderr)
        return 0
    picture = draw(data)
    try:
        Path(target).write_bytes(picture.png)
    except OSError as exc:
        print(f"newsbrief: cannot write the picture to {target}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"newsbrief: wrote the coverage picture of “{title}” to {target} (800×450 PNG)", file=sys.stderr)
    print(f"newsbrief: alt text: {picture.alt_text}", file=sys.stderr)
    return 0
