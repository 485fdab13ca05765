"""Small helpers the renderers share: status marks, short texts, highlights."""
from __future__ import annotations

MARK = {"carried": "✓", "omitted": "—", "conflict": "✗"}


def short(text: str, n: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def support(v) -> str:
    """Who gives the consensus: a count of outlets, or the series calendar for a round an outlet recalls."""
    return "(series calendar)" if getattr(v, "recalled_round", None) else f"({v.consensus_count})"


def slot_name(v) -> str:
    return v.slot.replace("_", " ") + (f": {v.key}" if v.key else "")


def claim_cells(ev, claim) -> dict[str, str]:
    """Per article id: carried, omitted or conflict."""
    flagged_articles = {sid.rsplit(":", 1)[0] for sid in claim.conflicting_sentences}
    cells = {}
    for a in ev.articles:
        if a.id in claim.claim.article_ids:
            cells[a.id] = "conflict" if a.id in flagged_articles or (claim.status == "conflict" and not flagged_articles) \
                else "carried"
        else:
            cells[a.id] = "omitted"
    return cells

