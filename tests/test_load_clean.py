"""Loading, metadata and boilerplate cleaning on the seeds and on written inputs."""
from __future__ import annotations

import json
import subprocess
import sys

from conftest import SEEDS, article_for

from muqabala.pipeline import load_corpus


def test_no_gold_boilerplate_in_kept_sentences(seeds_corpus, gold):
    for entry in gold["boilerplate"]:
        article = article_for(seeds_corpus, entry["file"])
        for text in entry["text"]:
            assert text in article.text
            assert not any(text in s.text for s in article.sentences), (entry["file"], text)


def test_headline_and_caption_printed_twice_are_kept_once(seeds_corpus):
    qasioun = article_for(seeds_corpus, "001_9e61edb7ab7a6c13.txt")
    headline = "الدول الضامنة لمسار أستانا تؤكد ضرورة الحفاظ على التهدئة في إدلب"
    assert qasioun.text.count(headline) == 2
    assert sum(s.text == headline for s in qasioun.sentences) == 1
    enab = article_for(seeds_corpus, "003_83198d24877d83e8.txt")
    caption = "ألكسندر لافرنتييف في مؤتمر صحفي في ختام مباحثات"
    assert sum(caption in s.text and s.text.startswith("المبعوث") for s in enab.sentences) == 1


def test_offsets_slice_back_exactly(seeds_corpus):
    for article in seeds_corpus.articles:
        assert article.sentences
        for s in article.sentences:
            assert article.text[s.start:s.end] == s.text
        for d in article.dropped:
            assert article.text[d.start:d.end] == d.text


def test_outlets_dates_and_languages_match_gold(seeds_corpus, gold):
    for entry in gold["article"]:
        article = article_for(seeds_corpus, entry["file"])
        expected_outlet = None if entry["outlet"] == "unknown" else entry["outlet"]
        assert article.outlet == expected_outlet, entry["file"]
        assert article.published == entry["published"], entry["file"]
        assert article.language == entry["language"]
        if "page_date" in entry:
            assert article.page_date == entry["page_date"]
            assert article.published != article.page_date


def test_masthead_gives_outlet_when_manifest_is_silent(seeds_corpus):
    qasioun = article_for(seeds_corpus, "001_9e61edb7ab7a6c13.txt")
    assert qasioun.provenance["outlet"] == "masthead"
    assert qasioun.provenance["page_date"] == "dateline"


def test_without_manifest_metadata_is_inferred_or_unknown(tmp_path):
    for name in ("001_9e61edb7ab7a6c13.txt", "002_65757dcd730d9a94.txt"):
        (tmp_path / name).write_bytes((SEEDS / name).read_bytes())
    corpus = load_corpus([tmp_path])
    qasioun = corpus.article("001_9e61edb7ab7a6c13")
    assert qasioun.outlet == "Qasioun News Agency"
    assert qasioun.published is None and qasioun.provenance["published"] == "unknown"
    assert qasioun.page_date == "2025-01-23"
    other = corpus.article("002_65757dcd730d9a94")
    assert other.outlet is None and other.provenance["outlet"] == "unknown"


def test_windows_1256_copy_gives_the_same_sentences(tmp_path, seeds_corpus):
    name = "002_65757dcd730d9a94.txt"
    text = (SEEDS / name).read_text(encoding="utf-8")
    # cp1256 has no curly quotes' twins for every character; keep what it can encode
    encodable = text.encode("cp1256", errors="strict")
    (tmp_path / name).write_bytes(encodable)
    corpus = load_corpus([tmp_path / name])
    article = corpus.articles[0]
    assert article.encoding.replace("-", "").lower() in ("cp1256", "windows1256")
    original = article_for(seeds_corpus, name)
    assert [s.text for s in article.sentences] == [s.text for s in original.sentences]


def test_utf8_bom_is_read(tmp_path, seeds_corpus):
    name = "004_f37c56588da8754f.txt"
    (tmp_path / name).write_bytes(b"\xef\xbb\xbf" + (SEEDS / name).read_bytes())
    article = load_corpus([tmp_path / name]).articles[0]
    assert article.encoding == "utf-8-sig"
    assert [s.text for s in article.sentences] == [s.text for s in article_for(seeds_corpus, name).sentences]


def test_html_page_yields_only_article_sentences(tmp_path):
    body = ("<p>عقدت الجولة الحادية والعشرون من محادثات أستانا في العاصمة الكازاخستانية يومي 24 و25 كانون الثاني. "
            "وشارك فيها وفد المعارضة السورية برئاسة أحمد طعمة.</p>"
            "<p>وأكد البيان الختامي ضرورة الحفاظ على التهدئة في إدلب ومواصلة الجهود لعودة اللاجئين.</p>")
    html = f"""<!doctype html><html><head><title>محادثات أستانا</title>
<meta property="og:site_name" content="عنب بلدي"><meta name="date" content="2024-01-25">
<script>var tracking = "لا تظهر هذه الجملة";</script></head><body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/syria">سوريا</a></li><li>قائمة التنقل</li></ul></nav>
<article><h1>محادثات أستانا</h1>{body}</article>
<footer>جميع الحقوق محفوظة</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    article = load_corpus([path]).articles[0]
    texts = " ".join(s.text for s in article.sentences)
    assert "أحمد طعمة" in texts and "عودة اللاجئين" in texts
    for junk in ("tracking", "لا تظهر", "الرئيسية", "قائمة التنقل", "جميع الحقوق"):
        assert junk not in texts
    assert article.published == "2024-01-25" and article.provenance["published"] == "html"


def test_jsonl_fields_win(tmp_path):
    path = tmp_path / "feed.jsonl"
    rows = [{"id": "a1", "text": "The 22nd round of the Astana talks ended on Tuesday in Astana.", "outlet": "Wire A",
             "published": "2024-11-12", "language": "en"},
            {"text": "انتهت الجولة الثانية والعشرون من محادثات أستانا.", "outlet": "Wire B"}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    corpus = load_corpus([path])
    assert [a.outlet for a in corpus.articles] == ["Wire A", "Wire B"]
    assert corpus.articles[0].id == "a1" and corpus.articles[0].provenance["outlet"] == "jsonl"
    assert corpus.articles[1].language == "ar"


def _cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "muqabala.cli.main", *args], capture_output=True, text=True, cwd=cwd)


def test_bad_inputs_give_one_line_errors(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    for path, words in ((empty, "empty"), (binary, "binary"), (tmp_path / "missing.txt", "no such file")):
        result = _cli("sentences", str(path))
        assert result.returncode == 2, result.stderr
        lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
        assert len(lines) == 1 and words in lines[0] and path.name in lines[0], result.stderr
        assert "Traceback" not in result.stderr


def test_bad_file_among_good_is_skipped_with_warning(tmp_path):
    (tmp_path / "good.txt").write_bytes((SEEDS / "002_65757dcd730d9a94.txt").read_bytes())
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02" * 100)
    result = _cli("sentences", str(tmp_path), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert "bad.txt" in result.stderr and "warning" in result.stderr
    data = json.loads(result.stdout)
    assert [a["id"] for a in data["articles"]] == ["good"]


def test_a_hard_wrapped_wire_story_is_read_in_whole_sentences(tmp_path):
    # a wire story wrapped at a fixed width, under a stamp line that carries the dateline
    text = (" date 2017-05-04 ASTANA May 4 UN envoy hails the plan\n"
            "After a new round of Syria peace talks held in the Kazakh\n"
            "capital Astana, the three guarantors signed a memorandum on\n"
            "safe zones.\n"
            "Headline Without A Full Stop\n"
            "The opposition walked out.\n")
    (tmp_path / "wire.txt").write_text(text, encoding="utf-8")
    article = load_corpus([tmp_path]).articles[0]
    sentences = [s.text for s in article.sentences]
    assert sentences[0] == "ASTANA May 4 UN envoy hails the plan"
    assert ("After a new round of Syria peace talks held in the Kazakh capital Astana, the three guarantors "
            "signed a memorandum on safe zones.") in sentences
    assert "Headline Without A Full Stop" in sentences  # a capital letter after it: not joined
    for s in article.sentences:  # offsets still slice the original text, newlines read as spaces
        assert text[s.start:s.end].replace("\n", " ") == s.text
