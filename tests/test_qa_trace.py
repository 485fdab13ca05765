"""Editorial QA of drafts written for the tests, and provenance lookups."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS

from muqabala.errors import MuqabalaError
from muqabala.qa import read_draft, run_qa
from muqabala.trace import trace

DRAFTS = Path(__file__).parent / "data" / "drafts"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seeds_index(tmp_path_factory):
    root = tmp_path_factory.mktemp("qa-index")
    os.environ["MUQABALA_INDEXES"] = str(root)
    from muqabala.embed.models import load_embedder
    from muqabala.index import SentenceIndex
    from muqabala.pipeline import load_corpus

    SentenceIndex.update("default", load_corpus([SEEDS]), load_embedder())
    return root


@pytest.fixture(autouse=True)
def _use_seeds_index(seeds_index, monkeypatch):
    monkeypatch.setenv("MUQABALA_INDEXES", str(seeds_index))


def cli(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "muqabala.cli.main", *args], capture_output=True, text=True,
                          input=stdin, env=dict(os.environ))


def test_outdated_venue_and_wrong_half_year_are_two_conflicts():
    result = run_qa(str(DRAFTS / "wrong_r22.txt"))
    assert result.event.round == 22
    conflicting = [s for s in result.sentences if s.status == "conflicting"]
    assert len(conflicting) == 2
    venue, nxt = conflicting
    assert "نور سلطان" in venue.text and any("2022-09-17" in r for r in venue.reasons)
    assert any(e.outlet == "Anadolu Agency" and "أستانة" in e.text for e in venue.evidence)
    assert any("2025-H2" in r and "2025-H1" in r for r in nxt.reasons)
    out = cli("qa", str(DRAFTS / "wrong_r22.txt"), "--format", "json")
    assert out.returncode == 1, out.stderr
    data = json.loads(out.stdout)
    assert data["schema"] == "muqabala.qa/2" and data["counts"]["conflicting"] == 2 and data["failed"]


def test_a_draft_recalling_an_earlier_round_wrongly_is_checked_against_the_calendar():
    # the 21st round met on 24-25 January 2024; the draft puts it in February
    result = run_qa(str(DRAFTS / "recall_r22.txt"))
    assert result.event.round == 22
    conflicting = [s for s in result.sentences if s.status == "conflicting"]
    assert len(conflicting) == 1 and "الحادية والعشرون" in conflicting[0].text
    assert any("round 21" in r and "2024-01-24/2024-01-25" in r for r in conflicting[0].reasons)


def test_faithful_draft_passes_and_lists_omissions():
    result = run_qa(str(DRAFTS / "faithful_r22.txt"))
    assert {s.status for s in result.sentences} == {"supported"}
    for s in result.sentences:
        assert s.evidence and all(SEEDS.joinpath(e.article_id + ".txt").read_text(encoding="utf-8")[e.start:e.end] == e.text
                                  for e in s.evidence)
    heads = [o for o in result.omissions if o.what.startswith("heads")]
    assert {o.what for o in heads} == {"heads: Turkey", "heads: Russia", "heads: Iran", "heads: Syrian government",
                                       "heads: Syrian opposition", "heads: UN"}
    counts = [o.count for o in result.omissions]
    assert counts == sorted(counts, reverse=True)
    out = cli("qa", str(DRAFTS / "faithful_r22.txt"))
    assert out.returncode == 0, out.stderr
    assert "heads: Russia" in out.stdout
    assert cli("qa", str(DRAFTS / "faithful_r22.txt"), "--fail-on", "omission").returncode == 1


def test_other_spelling_of_the_iranian_head_is_supported():
    result = run_qa(str(DRAFTS / "khaji_r22.txt"))
    head = next(s for s in result.sentences if "خاجي" in s.text)
    assert head.status == "supported"
    assert any("حاجي" in e.text for e in head.evidence)


def test_english_draft_against_arabic_coverage():
    result = run_qa(str(DRAFTS / "english_r22.txt"))
    assert result.event.round == 22 and result.draft.language == "en"
    assert [s.status for s in result.sentences] == ["supported"] * 3
    lavrentiev = result.sentences[2]
    assert any("لافرنتييف" in e.text for e in lavrentiev.evidence)


def test_unreported_fact_is_unsupported():
    result = run_qa(str(DRAFTS / "unsupported_r22.txt"))
    assert [s.status for s in result.sentences] == ["supported", "unsupported"]
    assert cli("qa", str(DRAFTS / "unsupported_r22.txt")).returncode == 0
    assert cli("qa", str(DRAFTS / "unsupported_r22.txt"), "--fail-on", "unsupported").returncode == 1


def test_stdin_html_and_bad_drafts(tmp_path):
    text = (DRAFTS / "wrong_r22.txt").read_text(encoding="utf-8")
    assert cli("qa", "-", "--format", "json", stdin=text).returncode == 1
    page = tmp_path / "draft.html"
    body = "".join(f"<p>{line}</p>" for line in (DRAFTS / "faithful_r22.txt").read_text(encoding="utf-8").splitlines())
    page.write_text(f"<html><head><title>مسودة</title><script>x()</script></head><body><nav>الرئيسية</nav>"
                    f"<article>{body}</article></body></html>", encoding="utf-8")
    assert cli("qa", str(page)).returncode == 0
    german = cli("qa", "-", stdin="Das Treffen in Astana endete am Dienstag mit einer gemeinsamen Erklärung der "
                                  "Garantiemächte und einem Aufruf zur Waffenruhe.")
    assert german.returncode == 2 and "Arabic, English or French" in german.stderr and "Traceback" not in german.stderr
    # a French draft is read: the city's old name for the November 2024 round is a naming conflict
    french = cli("qa", "-", "--format", "json", stdin="Le 22e round des pourparlers d'Astana sur la Syrie s'est tenu "
                                                      "les 11 et 12 novembre 2024 à Nour-Soultan.")
    assert french.returncode == 1, french.stderr
    labels = {c["label"] for s in json.loads(french.stdout)["sentences"] for c in s["conflicts"]}
    assert "naming_conflict" in labels
    assert cli("qa", "-", stdin="").returncode == 2
    assert cli("qa", str(tmp_path / "missing.txt")).returncode == 2
    assert cli("qa", str(DRAFTS / "faithful_r22.txt"), "--fail-on", "everything").returncode == 2
    with pytest.raises(MuqabalaError, match="which round"):
        run_qa(read_draft("-", "وشدد البيان على ضرورة الحفاظ على التهدئة في إدلب."))


def test_qa_html_escapes_and_marks(tmp_path):
    out = tmp_path / "qa.html"
    hostile = (DRAFTS / "wrong_r22.txt").read_text(encoding="utf-8") + "\nوقال مصدر <img src=x onerror=alert(1)> إن الاجتماع انتهى.\n"
    result = cli("qa", "-", "--format", "html", "--out", str(out), stdin=hostile)
    assert result.returncode == 1
    page = out.read_text(encoding="utf-8")
    assert "<img src=x" not in page and "&lt;img src=x" in page and "#fde2e1" in page


def test_trace_returns_every_carrier_with_exact_spans():
    result = trace("شدد البيان على ضرورة تسهيل العودة الآمنة والكريمة والطوعية للاجئين والنازحين")
    assert result.found and result.event.endswith("round 22")
    assert {c.outlet for c in result.carriers} == {"Anadolu Agency", "Qasioun News Agency"}
    for c in result.carriers:
        assert SEEDS.joinpath(c.article_id + ".txt").read_text(encoding="utf-8")[c.start:c.end] == c.text
    # Qasioun is dated only to the month (Nov 2024), Anadolu to the day (12 Nov): the order is open
    assert result.first.outlet == "Qasioun News Agency" and not result.first_certain
    assert [c.outlet for c in result.order] == ["Qasioun News Agency", "Anadolu Agency"]


def test_trace_lists_conflicts_and_says_when_nothing_matches():
    venue = trace("عقدت الجولة الثانية والعشرون من محادثات أستانا في العاصمة الكازاخستانية")
    assert venue.found and any(x["label"] == "naming_conflict" and x["flagged"] and x["printed"] == "نور سلطان"
                               for x in venue.conflicts)
    nothing = trace("The football championship final will be played in Doha next week")
    assert not nothing.found and not nothing.carriers
    out = cli("trace", "Apple released a new phone with a better camera")
    assert out.returncode == 0 and "No outlet" in out.stdout
    data = json.loads(cli("trace", "Lavrentiev said the next meeting will be held in the second half of the year",
                          "--format", "json").stdout)
    assert data["schema"] == "muqabala.trace/1" and data["found"] and data["carriers"][0]["outlet"] == "Enab Baladi"
