"""Sentence splitting and matching normalisation, on sentences written for the tests."""
from __future__ import annotations

from muqabala.clean import Line
from muqabala.normalize import fold, fold_with_offsets
from muqabala.segment import split_line


def split(text: str) -> list[str]:
    pieces = split_line(Line(0, len(text), text))
    for p in pieces:
        assert text[p.start:p.end] == p.text
    return [p.text for p in pieces]


def test_numbers_dates_and_times_do_not_split():
    assert split("قتل 2,345 شخصاً منذ 2019/03/20 عند الساعة 10:45 صباحاً. ثم توقف القصف.") == [
        "قتل 2,345 شخصاً منذ 2019/03/20 عند الساعة 10:45 صباحاً.", "ثم توقف القصف."]
    assert split("Inflation rose 3.5 percent in 2023. Prices fell.") == ["Inflation rose 3.5 percent in 2023.", "Prices fell."]


def test_arabic_sentences_glued_by_a_full_stop_split_but_latin_ones_do_not():
    assert split("شدد على رفض أي دور لإيران.وقال متحدث إن الجولات جرت.") == [
        "شدد على رفض أي دور لإيران.", "وقال متحدث إن الجولات جرت."]
    assert split("The U.S. delegation read example.com today.") == ["The U.S. delegation read example.com today."]


def test_arabic_comma_never_ends_a_sentence():
    assert split("وصل الوفد التركي، ثم الوفد الروسي، وبعدهما الإيراني.") == ["وصل الوفد التركي، ثم الوفد الروسي، وبعدهما الإيراني."]


def test_question_mark_semicolon_and_exclamation_split():
    assert split("هل انتهت الجولة؟ نعم انتهت؛ وسيعلن البيان غداً! هذا كل شيء.") == [
        "هل انتهت الجولة؟", "نعم انتهت؛", "وسيعلن البيان غداً!", "هذا كل شيء."]


def test_quotation_that_continues_the_sentence_is_one_sentence():
    text = "وقال الوزير: “نرفض ذلك. ولن نقبل بأي تدخل”، مضيفاً أن الحوار مستمر. وانتهى اللقاء."
    assert split(text) == ["وقال الوزير: “نرفض ذلك. ولن نقبل بأي تدخل”، مضيفاً أن الحوار مستمر.", "وانتهى اللقاء."]
    assert split("He said: «We agreed. Work goes on», and left. Then it rained.") == [
        "He said: «We agreed. Work goes on», and left.", "Then it rained."]


def test_english_abbreviations():
    assert split("Mr. Pedersen met Dr. Smith at the U.N. office on Jan. 5. They talked.") == [
        "Mr. Pedersen met Dr. Smith at the U.N. office on Jan. 5.", "They talked."]


def test_dash_led_subheadings_are_their_own_lines():
    from muqabala.clean import clean
    from muqabala.segment import split_sentences

    text = "انتهى الاجتماع أمس.\n– دعوة إلى هدنة فورية\nوطالب المشاركون بوقف القتال."
    sentences = [s.text for s in split_sentences(clean(text).kept)]
    assert sentences == ["انتهى الاجتماع أمس.", "– دعوة إلى هدنة فورية", "وطالب المشاركون بوقف القتال."]


def test_fold_normalises_for_matching_only():
    assert fold("أُعلِنَ") == fold("اعلن")
    assert fold("إلى") == fold("الى") == "الي"
    assert fold("مدرسة") == "مدرسه"
    assert fold("٢٠٢٤ و۲۰۲۵") == "2024 و2025"
    assert fold("«نعم»، قال؛ لماذا؟") == '"نعم", قال; لماذا?'
    assert fold("الـــجولة") == "الجوله"


def test_fold_offsets_point_into_the_original():
    text = "قالَ الوفدُ «نعم»"
    folded = fold_with_offsets(text)
    i = folded.text.index("الوفد")
    s, e = folded.span(i, i + len("الوفد"))
    assert text[s:e] == "الوفد"
