"""Quality on real news: the pipeline on each story folder of a panel, scored against its `truth.toml`.

`python -m bench quality [PANEL_DIR] [--json] [--details]` loads each folder the way
`newsbrief brief/framing/who-won PATH` does (the loader reads its `sources.toml`), builds the stories
and the `brief` and `who-won` documents, and scores them (bench/quality_metrics.py). The default
panel is `../shared/panel` beside the repository (for a git worktree, also beside its main
checkout); without one the bench says so and exits 0. The panel's texts are only read here, at run
time: none of them belongs in this repository.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import tomllib
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bench.quality_metrics import Score, Truth, score_story
from summarizer.brief import BriefSettings
from summarizer.pipeline import build_stories
from summarizer.readers import load_articles
from summarizer.report import stories_document, who_won_document

ROOT = Path(__file__).resolve().parent.parent
LOADED_QUOTED_TARGET = 0.5


def default_panels(root: Path = ROOT) -> list[Path]:
    """`../shared/panel` beside the repository, then beside the main checkout when this is a worktree."""
    found = [root.parent / "shared" / "panel"]
    dot_git = root / ".git"
    if dot_git.is_file():  # a worktree: ".git" says "gitdir: <main>/.git/worktrees/<name>"
        text = dot_git.read_text("utf-8").strip()
        if text.startswith("gitdir:"):
            gitdir = Path(text.removeprefix("gitdir:").strip())
            common = gitdir / "commondir"
            main_git = (gitdir / common.read_text("utf-8").strip()).resolve() if common.is_file() else gitdir
            found.append(main_git.parent.parent / "shared" / "panel")
    return found


def story_folders(panel: Path) -> list[Path]:
    return sorted(d for d in panel.iterdir() if d.is_dir() and not d.name.startswith((".", "_")) and has_truth(d))


def has_truth(folder: Path) -> bool:
    return (folder / "truth.toml").is_file() and (folder / "sources.toml").is_file()


def read_truth(folder: Path) -> Truth:
    truth = tomllib.loads((folder / "truth.toml").read_text("utf-8"))
    sources = tomllib.loads((folder / "sources.toml").read_text("utf-8"))
    texts = {str(a["outlet"]): (folder / str(a["file"])).read_text("utf-8") for a in sources.get("article", [])}
    return Truth.from_toml(truth, texts)


def run_folder(folder: Path, settings: BriefSettings | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
    """The `brief` and `who-won` documents for one folder, built exactly as the command line builds them."""
    loaded = load_articles([folder])
    stories = build_stories(loaded.articles, settings or BriefSettings())
    brief = stories_document("brief", stories, None, loaded.problems)
    return brief.to_json(), who_won_document(stories, None, loaded.problems).to_json()


def score_folder(folder: Path) -> tuple[Score, float]:
    start = time.perf_counter()
    brief_doc, who_won_doc = run_folder(folder)
    seconds = time.perf_counter() - start
    return score_story(read_truth(folder), brief_doc, who_won_doc), seconds


def totals(rows: list[tuple[str, str, Score]]) -> dict[str, Any]:
    def total(name: str) -> int:
        return sum(int(getattr(score, name)) for _, _, score in rows)

    elections = [s for _, kind, s in rows if kind == "election"]
    others = [s for _, kind, s in rows if kind != "election"]
    summed = {
        name: total(name)
        for name in (
            "stories",
            "lead",
            "bad_credits",
            "numbers_checked",
            "credits_checked",
            "loaded_in_brief",
            "loaded_quoted",
            "loaded_total",
            "not_loaded_flagged",
            "not_loaded_total",
            "labels",
            "labels_total",
        )
    }
    summed.update(
        folders=len(rows),
        one_story=sum(1 for _, _, s in rows if s.stories == 1),
        elections=len(elections),
        elections_right=sum(1 for s in elections if s.who_won == "ok"),
        false_elections=sum(1 for s in others if s.who_won == "FALSE ELECTION"),
    )
    return summed


def targets(t: dict[str, Any]) -> dict[str, bool]:
    """The "Done when" targets of issue 8 that the panel measures."""
    return {
        "every lead states its main fact": t["lead"] == t["folders"],
        "no number credited to an outlet that lacks it": t["bad_credits"] == 0,
        "no loaded phrase in a brief": t["loaded_in_brief"] == 0,
        "at least half of the loaded phrases quoted": t["loaded_quoted"] >= LOADED_QUOTED_TARGET * t["loaded_total"],
        "no not_loaded phrase flagged": t["not_loaded_flagged"] == 0,
        "every election's winner and runner-up right": t["elections_right"] == t["elections"],
        "no election claimed on any other kind": t["false_elections"] == 0,
        "one story per event": t["one_story"] == t["folders"],
    }


COLUMNS = (
    "story",
    "stories",
    "lead",
    "numbers",
    "bad credits",
    "loaded in brief",
    "loaded quoted",
    "not_loaded flagged",
    "labels",
    "who-won",
    "seconds",
)


def _row(name: str, s: Score, seconds: float) -> list[str]:
    return [
        name,
        str(s.stories),
        str(s.lead),
        str(s.numbers_checked),
        f"{s.bad_credits}/{s.credits_checked}",
        f"{s.loaded_in_brief}/{s.loaded_total}",
        f"{s.loaded_quoted}/{s.loaded_total}",
        f"{s.not_loaded_flagged}/{s.not_loaded_total}",
        f"{s.labels}/{s.labels_total}",
        s.who_won,
        f"{seconds:.2f}",
    ]


def _total_row(t: dict[str, Any], seconds: float) -> list[str]:
    who = f"{t['elections_right']}/{t['elections']} ok, {t['false_elections']} false"
    return [
        "total",
        f"{t['stories']} ({t['one_story']}/{t['folders']} one)",
        f"{t['lead']}/{t['folders']}",
        str(t["numbers_checked"]),
        f"{t['bad_credits']}/{t['credits_checked']}",
        f"{t['loaded_in_brief']}/{t['loaded_total']}",
        f"{t['loaded_quoted']}/{t['loaded_total']}",
        f"{t['not_loaded_flagged']}/{t['not_loaded_total']}",
        f"{t['labels']}/{t['labels_total']}",
        who,
        f"{seconds:.2f}",
    ]


def format_table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True)))
        for r in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.insert(len(lines) - 1, lines[1])
    return "\n".join(lines)


def _details(name: str, s: Score) -> list[str]:
    lines = [f"{name}:", f"  lead: {s.lead_sentence}"]
    lines += [f"  bad credit: {b['number']} → {b['outlet']}" for b in s.bad_credit_list]
    lines += [f"  loaded in brief: {x}" for x in s.loaded_in_brief_list]
    lines += [f"  loaded not quoted: {x}" for x in s.loaded_missed_list]
    lines += [f"  not_loaded flagged: {x}" for x in s.not_loaded_flagged_list]
    lines += [f"  label missed: {x}" for x in s.labels_missed_list]
    if s.who_won_claim:
        lines.append(f"  who-won claims: {s.who_won_claim['winner']} over {s.who_won_claim['runner_up']}")
    return lines


def run_panel(panel: Path) -> dict[str, Any]:
    """Score every story folder of the panel; the result is what `--json` prints."""
    start = time.perf_counter()
    rows: list[tuple[str, str, Score]] = []
    seconds: dict[str, float] = {}
    for folder in story_folders(panel):
        score, took = score_folder(folder)
        rows.append((folder.name, read_truth(folder).kind, score))
        seconds[folder.name] = took
    t = totals(rows)
    return {
        "panel": str(panel),
        "stories": [{"folder": n, "kind": k, "seconds": round(seconds[n], 3), **asdict(s)} for n, k, s in rows],
        "totals": t,
        "targets": targets(t),
        "seconds": round(time.perf_counter() - start, 3),
    }


def render(result: dict[str, Any], details: bool = False) -> str:
    stories = result["stories"]
    rows = [list(COLUMNS)]
    fields = set(Score.__dataclass_fields__)
    scores = [(s["folder"], Score(**{k: v for k, v in s.items() if k in fields}), s["seconds"]) for s in stories]
    rows += [_row(name, score, took) for name, score, took in scores]
    rows.append(_total_row(result["totals"], result["seconds"]))
    lines = [f"panel: {result['panel']} ({len(stories)} story folders)", format_table(rows)]
    lines.append("targets: " + "; ".join(f"{'✓' if ok else '✗'} {name}" for name, ok in result["targets"].items()))
    lines.append(f"time: {result['seconds']:.1f} s for {len(stories)} folders")
    if details:
        for name, score, _ in scores:
            lines += _details(name, score)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench quality", description=__doc__.splitlines()[0])
    parser.add_argument("panel", nargs="?", type=Path, help="panel folder (default: ../shared/panel)")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON (to diff runs)")
    parser.add_argument("--details", action="store_true", help="list each miss under the table")
    args = parser.parse_args(argv if argv is not None else [])
    candidates = [args.panel] if args.panel else default_panels()
    panel = next((p for p in candidates if p.is_dir()), None)
    if panel is None:
        print(f"panel not found at {' or '.join(str(p) for p in candidates)}, skipped")
        return 0
    if not story_folders(panel):
        print(f"panel at {panel} has no story folder with truth.toml and sources.toml, skipped")
        return 0
    result = run_panel(panel.resolve())
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(render(result, details=args.details))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
