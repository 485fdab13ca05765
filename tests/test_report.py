"""Verdicts and the consistency report: the seeds' round 22, and invented
outlets with planted conflicts and omissions (tests/data)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS

from muqabala.render.html import report_to_html
from muqabala.render.json import report_to_json
from muqabala.render.markdown import report_to_markdown
from muqabala.report import build_report

DATA = Path(__file__).parent / "data"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory):
    import os

    os.environ["MUQABALA_INDEXES"] = str(tmp_path_factory.mktemp("idx"))
    return build_report([SEEDS])


def event(report, n):
    return next(e for e in report.events if e.round == n)


def verdicts(ev, slot, key=None):
    return [v for v in ev.slots if v.slot == slot and (key is None or v.key == key)]


def test_round_22_verdicts(seeds_report, gold):
    ev = event(seeds_report, 22)
    assert {a.label for a in ev.articles} == {"Anadolu Agency", "Qasioun News Agency"}
    for expected in gold["verdict"]:
        found = verdicts(ev, expected["slot"])
        assert found, expected["slot"]
        statuses = {v.status for v in found}
        assert statuses == {expected["status"]}, (expected["slot"], statuses)
        if expected["status"] == "omitted":
            for v in found:
                assert v.reported_by == ["Anadolu Agency"] and v.omitted_by == ["Qasioun News Agency"]
    venue = verdicts(ev, "venue")[0]
    assert venue.label == "naming_conflict" and "2022-09-17" in venue.reason
    flagged = [x for x in venue.values if x.flagged]
    assert [x.printed for x in flagged] == ["نور سلطان"] and flagged[0].outlet == "Qasioun News Agency"


def test_claims_only_one_outlet_carries(seeds_report, gold):
    ev = event(seeds_report, 22)
    labels = {a.id: a.label for a in ev.articles}
    for entry in gold["only"]:
        article_id = entry["file"].rsplit(".", 1)[0]
        for text in entry["text"]:
            claim = next(c for c in ev.claims if any(text in s.text and s.article_id == article_id for s in c.claim.members))
            assert claim.alone and claim.status == "omitted", text
            assert claim.carried_by == [labels[article_id]]
            assert claim.omitted_by == [lab for a, lab in labels.items() if a != article_id]


def test_nothing_is_flagged_across_rounds(seeds_report):
    for ev in seeds_report.events:
        if ev.round != 22:
            assert len(ev.articles) == 1
            # one outlet each: nothing to compare, but a next round announced for a time it did not meet in
            # (round 20's "second half of 2023", round 17's "spring") is a plan the calendar supersedes
            assert all(v.status == "single" or (v.slot, v.status) == ("next_round", "superseded") for v in ev.slots)
            assert not ev.conflicts and not any(x.flagged for v in ev.slots for x in v.values)
    assert [v.slot for v in event(seeds_report, 22).conflicts] == ["venue"]


@pytest.fixture(scope="module")
def invented(tmp_path_factory):
    import os

    os.environ["MUQABALA_INDEXES"] = str(tmp_path_factory.mktemp("idx2"))
    return build_report([DATA / "invented", DATA / "plan"])


def test_every_planted_conflict_is_found_and_nothing_else(invented):
    ev = event(invented, 31)
    conflicts = {(v.slot, v.key, v.label) for v in ev.conflicts}
    # a majority (two of three outlets) exists for the venue and the dates: only the outlet that
    # departs is flagged
    assert conflicts == {("venue", "", "naming_conflict"), ("dates", "", "wrong_month")}
    for v in ev.conflicts:
        assert v.reason and "\n" not in v.reason
        assert [x.outlet for x in v.dissent] == ["Sahifat Ba"]
    # two outlets, two people / two timings: no majority, so nobody is flagged
    for slot, key in (("heads", "Russia"), ("next_round", "when")):
        v = verdicts(ev, slot, key)[0]
        assert v.status == "no_majority" and not v.dissent and len(v.reported_by) == 2, (slot, v.status)


def test_spelling_variant_is_agreement_with_a_note(invented):
    iran = verdicts(event(invented, 31), "heads", "Iran")[0]
    assert iran.status == "agree" and any("spelling variant" in n for n in iran.notes)
    assert iran.omitted_by == ["Mawqi Jim"]


def test_planted_omissions(invented):
    ev = event(invented, 31)
    for party in ("Jordan", "Lebanon", "Iraq"):
        v = verdicts(ev, "observers", party)[0]
        assert v.status == "omitted" and v.reported_by == ["Wakalat Alif"] and set(v.omitted_by) == {"Sahifat Ba", "Mawqi Jim"}
    assert verdicts(ev, "heads", "Russia")[0].omitted_by == ["Mawqi Jim"]
    alone = [c for c in ev.claims if c.alone and c.carried_by == ["Mawqi Jim"]]
    assert any("المحتجزين" in c.claim.members[0].text for c in alone)


def test_plan_against_outcome_title_days_and_summit(invented):
    ev = event(invented, 32)
    dates = verdicts(ev, "dates")[0]
    # the two later reports disagree by a day and the preview is only a plan: no majority, no culprit
    assert dates.status == "no_majority" and not dates.dissent
    assert [x.outlet for x in dates.values if x.plan] == ["Preview Daily"]
    head = verdicts(ev, "heads", "Syrian government")[0]
    assert head.status == "agree" and head.label == "title_difference"
    confused = [v for v in ev.conflicts if v.label == "next_round_vs_summit"]
    assert len(confused) == 1 and "Wire Two" in confused[0].reason
    assert {(v.slot, v.label) for v in ev.conflicts} == {("next_round", "next_round_vs_summit")}


def test_superseded_plan_without_other_conflict(tmp_path):
    import os

    os.environ["MUQABALA_INDEXES"] = str(tmp_path / "idx")
    report = build_report([DATA / "plan" / "before.txt", DATA / "plan" / "after_1.txt"])
    ev = event(report, 32)
    dates = verdicts(ev, "dates")[0]
    assert dates.status == "superseded" and dates.label == "plan_vs_outcome"
    assert not ev.conflicts


def test_renderers_escape_article_text(tmp_path):
    import os

    os.environ["MUQABALA_INDEXES"] = str(tmp_path / "idx")
    hostile = tmp_path / "news"
    hostile.mkdir()
    for name in ("outlet_a.txt", "outlet_c.txt"):
        (hostile / name).write_bytes((DATA / "invented" / name).read_bytes())
    text = (hostile / "outlet_c.txt").read_text(encoding="utf-8")
    (hostile / "outlet_c.txt").write_text(text + "\nوقال مصدر <script>alert('x')</script> إن | الاجتماع **انتهى** [هنا](http://x).\n",
                                          encoding="utf-8")
    report = build_report([hostile])
    page = report_to_html(report)
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    md = report_to_markdown(report)
    assert "<script>" not in md and "\\*\\*انتهى\\*\\*" in md and "\\|" in md
    data = report_to_json(report)
    assert data["schema"] == "muqabala.report/2"
    assert any("<script>" in m["text"] for e in data["events"] for c in e["claims"] for m in c["members"])


def test_report_cli_cold_start_and_formats(tmp_path):
    env = {**__import__("os").environ, "MUQABALA_INDEXES": str(tmp_path / "fresh")}
    run = lambda *a: subprocess.run([sys.executable, "-m", "muqabala.cli.main", *a], capture_output=True, text=True, env=env)
    result = run("report", str(SEEDS), "--event", "22", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [e["round"] for e in data["events"]] == [22]
    slots = {(s["slot"], s["key"]): s for s in data["events"][0]["slots"]}
    assert slots[("venue", "")]["status"] == "conflict"
    assert "embedding sentences" in result.stderr
    html_out = tmp_path / "r.html"
    result = run("report", "--event", "22", "--format", "html", "--out", str(html_out))
    assert result.returncode == 0, result.stderr
    assert 'dir="rtl"' in html_out.read_text(encoding="utf-8")
    result = run("report", "--event", "99")
    assert result.returncode == 2 and "round 99" in result.stderr


def test_english_and_arabic_outlets_in_one_event(tmp_path):
    import os

    os.environ["MUQABALA_INDEXES"] = str(tmp_path / "idx")
    report = build_report([DATA / "mixed", SEEDS / "002_65757dcd730d9a94.txt"])
    ev = event(report, 21)
    assert len(ev.articles) == 3
    assert {(v.slot, v.key, v.label) for v in ev.conflicts} == {("venue", "", "naming_conflict")}
    assert [x.outlet for x in verdicts(ev, "venue")[0].dissent] == ["English Wire"] or verdicts(ev, "venue")[0].dissent
    timing = verdicts(ev, "next_round", "when")[0]
    # "the next round would be held … in the second half of 2024" (reported speech, not a hypothesis)
    assert any(x.outlet == "English Wire" and x.value == "2024-H2" for x in timing.values)
    head = verdicts(ev, "heads", "Syrian government")[0]
    assert head.status == "agree" and len(head.values) == 3
    observers = {v.key for v in verdicts(ev, "observers")}
    # "Jordan, Lebanon and Iraq attended as observers, as did the United Nations."
    assert observers == {"Jordan", "Lebanon", "Iraq", "UN"}


def test_commentary_and_background_stay_with_their_outlet(seeds_report):
    ev = event(seeds_report, 22)
    for text in ("تشكل هذه المحادثات خطوة إضافية", "وبدأت محادثات أستانة في 2017"):
        claim = next(c for c in ev.claims if any(text in s.text for s in c.claim.members))
        assert claim.alone, text


def test_claims_align_across_languages(tmp_path):
    import os

    os.environ["MUQABALA_INDEXES"] = str(tmp_path / "idx")
    ev = event(build_report([DATA / "mixed", SEEDS / "002_65757dcd730d9a94.txt"]), 21)
    shared = [c for c in ev.claims if "English Wire" in c.carried_by and len(c.carried_by) > 1]
    texts = [" ".join(s.text for s in c.claim.members) for c in shared]
    assert any("Sabbagh" in t and "صباغ" in t for t in texts)
    assert any("next round" in t and "الاجتماع المقبل" in t for t in texts)


def test_alignment_quality_on_gold_pairs(gold, seeds_corpus, embedder, tmp_path):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_align import evaluate

    from muqabala.align import align_event

    a, b = seeds_corpus.article("000_ea5d325999e94b85"), seeds_corpus.article("001_9e61edb7ab7a6c13")
    index_of = lambda art, text: next(s.index for s in art.sentences if text in s.text)  # noqa: E731
    pairs, weak = set(), set()
    for p in gold["pair"]:
        (weak if p.get("weak") else pairs).add((index_of(a, p["a"]), index_of(b, p["b"])))
    claims = align_event([a, b], embedder, tmp_path / "cache.sqlite")
    precision, recall, _ = evaluate(claims, pairs, weak, a.id, b.id)
    assert recall >= 0.85 and precision >= 0.80, (precision, recall)


def test_terminal_report_at_80_columns_cuts_no_header_or_value(seeds_report):
    from rich.cells import cell_len
    from rich.console import Console

    from muqabala.render.terminal import render_terminal

    console = Console(width=80, record=True, force_terminal=False)
    render_terminal(seeds_report, console)
    text = console.export_text()
    assert all(cell_len(line) <= 80 for line in text.splitlines())  # (Arabic diacritics take no cell)
    # each round's header is whole, even where the width cannot hold it on the rule: its outlet count and
    # languages are printed, not cut to "…"
    console = Console(width=64, record=True, force_terminal=False)
    render_terminal(seeds_report, console)
    text = console.export_text()
    for ev in seeds_report.events:
        n = len(ev.articles)
        assert f"{n} outlet{'s' * (n != 1)} · " in " ".join(text.split()), ev.round
