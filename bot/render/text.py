"""Render the core's JSON documents as plain text or Markdown (console, CLI, fallbacks)."""

from __future__ import annotations

from typing import Any

Doc = dict[str, Any]


class Style:
    """Plain text or Markdown: the few places where they differ."""

    def __init__(self, markdown: bool) -> None:
        self.markdown = markdown

    def heading(self, text: str) -> str:
        return f"## {text}" if self.markdown else f"{text}\n{'=' * min(len(text), 72)}"

    def sub(self, text: str) -> str:
        return f"**{text}**" if self.markdown else f"{text}:"

    def quote(self, text: str) -> str:
        return f"> {text}" if self.markdown else f"    “{text.strip('“”')}”"


def figure_line(figure: Doc) -> str:
    """'58.30% (EIR News); also “almost 60 percent” and “58 percent” (Samnytt)'."""
    preferred = figure["preferred"]
    head = f"{preferred['text']} ({preferred['outlet']})"
    others = [r for r in figure["reports"] if r != preferred]
    if not others:
        return head
    by_outlet: dict[str, list[str]] = {}
    for r in others:
        by_outlet.setdefault(r["outlet"], []).append(f"“{r['text']}”")
    rest = "; ".join(f"{' and '.join(t)} ({o})" for o, t in by_outlet.items())
    return f"{head}; {'also' if figure['agree'] else 'differs from'} {rest}"


def brief_lines(story: Doc, style: Style) -> list[str]:
    unknown = {a["outlet"] for a in story["articles"] if not a.get("outlet_known", True)}
    outlets = [f"{o} (outlet unknown: named after the file)" if o in unknown else o for o in story["outlets"]]
    lines = [style.heading(story["title"]), f"Outlets: {', '.join(outlets)}", ""]
    for sentence in story["brief"]["sentences"]:
        lines.append(f"• {sentence['text']} [{', '.join(sentence['sources'])}]")
    if not story["brief"]["sentences"]:
        lines.append("• No neutral sentence could be extracted from this story.")
    differing = [f for f in story["figures"] if not f["agree"]]
    if differing:
        lines += ["", style.sub("Figures the outlets disagree on")]
        for f in differing:
            subject = f"{f['subject']}'s {f['quantity']}" if f["subject"] else f["quantity"]
            lines.append(f"• {subject}: {figure_line(f)}")
    return lines


def framing_lines(story: Doc, style: Style) -> list[str]:
    framing = story["framing"]
    lines = [style.heading(f"How each outlet framed it: {story['title']}")]
    lines.append(framing["message"] or framing["contrast"])
    for outlet in framing["outlets"]:
        lines += ["", style.sub(outlet["outlet"])]
        for label in outlet["labels"]:
            lines.append(f"• Calls {label['actor']} “{label['label']}”")
            lines.append(style.quote(label["quote"]))
        for term in outlet["loaded_language"]:
            speaker = " (in a quotation)" if term["in_quote"] else ""
            lines.append(f"• Loaded: “{term['term']}” — {term['technique']}{speaker}")
            lines.append(style.quote(term["quote"]))
        if outlet["frames"]:
            shares = ", ".join(f"{f['frame']} {f['share']:.0%}" for f in outlet["frames"][:4])
            lines.append(f"• Emphasis (share of its sentences): {shares}")
        for text in outlet["only_here"]:
            lines.append("• Only here:")
            lines.append(style.quote(text))
        for note in outlet["figures_differ"]:
            lines.append(f"• Figures differ: {note}")
        lines.append(f"• In short: {outlet['contrast']}")
    return lines


def election_lines(result: Doc, style: Style) -> list[str]:
    election = result["election"]
    where = ", ".join(x for x in (election["office"], election["place"], election["date"]) if x)
    lines = [style.heading(f"Who won: {result['title']}")]
    winner = election["winner"]
    share = f" — {figure_line(winner['vote_share'])}" if winner["vote_share"] else ""
    lines.append(f"Winner: {winner['name']}{share}")
    for runner in election["runners_up"]:
        share = f" — {figure_line(runner['vote_share'])}" if runner["vote_share"] else ""
        lines.append(f"Runner-up: {runner['name']}{share}")
    if where:
        lines.append(f"Race: {where}")
    for note in election["disagreements"]:
        lines.append(f"Disagreement: {note}")
    lines.append(f"Sources: {', '.join(election['sources'])}")
    return lines


def source_summary(src: Doc) -> tuple[str, str]:
    """(name, " — where (status; …)") for one entry of a ``sources`` document."""
    name = src.get("outlet") or src.get("name", "?")
    where = src.get("feed") or src.get("page") or src.get("origin", "")
    status = []
    if "articles" in src:
        status.append(f"{src['articles']} article(s)")
    if src.get("last_ok"):
        status.append(f"last worked {src['last_ok']}")
    if src.get("last_error"):
        status.append(f"last error: {src['last_error']}")
    if src.get("never_fetched"):
        status.append("not fetched yet")
    if src.get("known") is False:
        status.append("outlet unknown (named after the file)")
    return name, (f" — {where}" if where else "") + (f" ({'; '.join(status)})" if status else "")


def source_lines(doc: Doc, style: Style) -> list[str]:
    lines = [style.heading("Sources in use")]
    for src in doc["sources"]:
        name, detail = source_summary(src)
        lines.append(f"• {name}{detail}")
    if not doc["sources"]:
        lines.append("No sources yet.")
    return lines


def digest_lines(story: Doc, style: Style) -> list[str]:
    lines = brief_lines(story, style)
    lines.append(f"Framing: {story['framing']['message'] or story['framing']['contrast']}")
    for article in story["articles"]:
        if article.get("url"):
            lines.append(f"• {article['outlet']}: {article['url']}")
    return lines


def problem_lines(doc: Doc) -> list[str]:
    return [f"! {p['source']}: {p['problem']}" for p in doc.get("problems", [])]


def render(doc: Doc, *, markdown: bool = False) -> str:
    """The whole document as text: one block per story or result, separated by blank lines."""
    style = Style(markdown)
    blocks: list[list[str]] = []
    if doc.get("error"):
        blocks.append([doc["error"]["message"]])
    elif doc["command"] == "who-won":
        blocks += [election_lines(r, style) for r in doc["results"]] or [[doc["message"]]]
    elif doc["command"] == "framing":
        blocks += [framing_lines(s, style) for s in doc["stories"]]
    elif doc["command"] == "sources":
        blocks.append(source_lines(doc, style))
    elif doc["command"] == "digest":
        blocks += [digest_lines(s, style) for s in doc["stories"]] or [["No new stories."]]
    else:
        blocks += [brief_lines(s, style) for s in doc["stories"]]
    return "\n\n".join("\n".join(b) for b in blocks).strip() + "\n"
