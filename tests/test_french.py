"""French coverage: the same judgment from the words French outlets use (knowledge word lists, French
ordinals, months, weekdays and place cues). Sentences restate real patterns in our own words; no model."""
from __future__ import annotations

from datetime import date

from helpers_articles import article

from muqabala.events import assign_events
from muqabala.judge import judge_slots
from muqabala.knowledge import load_knowledge
from muqabala.slots import extract_facts
from muqabala.slots.dates import dates_value
from muqabala.timeexpr import parse_times

KB = load_knowledge()


def event_of(text, published):
    ev = assign_events(article(text, published), KB)[0]
    return (ev.series, ev.round) if ev.assigned else None


def test_french_rounds_are_assigned_by_ordinal_or_by_date():
    assert event_of("Le 9e round des pourparlers d'Astana sur la Syrie s'ouvre lundi.", "2018-05-14") == \
        ("astana-syria", 9)
    assert event_of("La neuvième réunion du processus d'Astana s'est achevée mardi.", "2018-05-15") == \
        ("astana-syria", 9)
    # no number: talks in the Kazakh capital, dated by the calendar
    assert event_of("Les pourparlers sur la Syrie se sont ouverts ce lundi dans la capitale kazakhe.",
                    "2017-01-23") == ("astana-syria", 1)
    # Geneva, in French, is never an Astana round
    assert event_of("Le cinquième round des pourparlers de Genève sur la Syrie s'est ouvert jeudi.",
                    "2017-03-23") != ("astana-syria", 5)


def test_french_dates_and_weekdays():
    labels = lambda text, pub: [t.label for t in parse_times(text, pub)]  # noqa: E731
    assert labels("les 14 et 15 mai prochains", "2018-05-09") == ["2018-05-14/2018-05-15"]
    assert labels("le 4 et le 5 juillet", "2017-07-06") == ["2017-07-04/2017-07-05"]
    assert labels("du 14 au 15 mars", "2017-03-10") == ["2017-03-14/2017-03-15"]
    assert labels("aujourd'hui", "2017-01-24") == ["2017-01-24"]
    assert labels("en mai dernier", "2017-07-01") == ["2017-05"]
    # a weekday followed by its day number is dated by the number, not read as the last such weekday
    assert labels("jeudi 1er et vendredi 2 août", "2019-07-30") == ["2019-08-02"]
    assert labels("on Thursday 25 April", "2019-04-26") == ["2019-04-25"]


def test_french_venue_and_dates_of_the_round_and_not_of_the_congress():
    text = ("Le huitième round des pourparlers d'Astana s'est tenu les 21 et 22 décembre dans la capitale kazakhe. "
            "Les pays garants veulent réunir le congrès du dialogue national syrien à Sotchi le 29 et 30 janvier.")
    f = extract_facts(article(text, "2017-12-22"), KB)
    assert f.event.round == 8
    assert {v.value for v in f.get("venue")} == {"Astana"}
    d = dates_value(f)
    assert (d.start, d.end) == (date(2017, 12, 21), date(2017, 12, 22))
    # the congress in Sochi is another body: no conflict between the outlets
    facts = [extract_facts(article(text, "2017-12-22", outlet=f"Outlet {i}", aid=f"o{i}"), KB) for i in range(2)]
    assert not [v for v in judge_slots(facts, KB) if v.status == "conflict"]


def test_a_deadline_is_not_a_recalled_round():
    text = ("Le 11e round des pourparlers d'Astana s'est achevé jeudi. L'émissaire espère convenir d'une "
            "première réunion du comité avant le 31 décembre.")
    f = extract_facts(article(text, "2018-11-29"), KB)
    assert f.event.round == 11
    assert all(v.start != date(2018, 12, 31) for v in f.get("dates", about=None))


def test_a_page_with_no_date_is_placed_by_a_day_range_only_one_round_has():
    text = ("De nouveaux pourparlers de paix sur la Syrie se tiendront les 14 et 15 septembre à Astana, "
            "a annoncé le ministère kazakh des Affaires étrangères.")
    f = extract_facts(article(text, None), KB)
    assert (f.event.series, f.event.round) == ("astana-syria", 6)
    # its days are then read in that round's year, so they can be compared
    d = dates_value(f)
    assert (d.start, d.end) == (date(2017, 9, 14), date(2017, 9, 15))
    # a single day names no round: many rounds could share it
    assert event_of("Les pourparlers d'Astana sur la Syrie reprennent le 15 septembre.", None) is None


def test_french_heads_un_and_next_round():
    text = ("Le quatrième round des pourparlers d'Astana s'est ouvert mercredi. La délégation du gouvernement syrien "
            "est conduite par l'ambassadeur syrien à l'ONU, Bachar al-Jaafari. La Turquie est représentée par le "
            "vice-ministre des Affaires étrangères Sedat Onal, et l'Iran par le vice-ministre des Affaires étrangères, "
            "Hossein Jaberi Ansari. L'émissaire de l'ONU pour la Syrie, Staffan de Mistura, participe à la réunion. "
            "Le prochain round se tiendra en juillet à Astana.")
    f = extract_facts(article(text, "2017-05-03"), KB)
    assert f.event.round == 4
    assert {h.key: h.value for h in f.get("heads")} == {
        "Syrian government": "Bashar al-Jaafari", "Turkey": "Sedat Onal", "Iran": "Hossein Jaberi Ansari"}
    assert [v.value for v in f.get("un")] == ["Staffan de Mistura"]
    assert {v.key: v.value for v in f.get("next_round", about=None)} == {"round": "5", "when": "2017-07",
                                                                        "where": "Astana"}
    # the envoy "of Vladimir Putin" is not Putin
    text = ("Le sixième round des pourparlers d'Astana s'est ouvert jeudi. La délégation russe est dirigée par "
            "l'envoyé spécial de Vladimir Poutine pour la Syrie, Alexander Lavrentiev.")
    f = extract_facts(article(text, "2017-09-14"), KB)
    assert {h.key: h.value for h in f.get("heads")} == {"Russia": "Alexander Lavrentiev"}


def test_french_observers_and_a_status_granted_for_later():
    text = ("Le 13e round des pourparlers d'Astana s'est ouvert jeudi. Des délégations de la Jordanie, du Liban "
            "et de l'Irak participent en tant qu'observateurs.")
    f = extract_facts(article(text, "2019-08-01"), KB)
    assert {v.key for v in f.get("observers")} == {"Jordan", "Lebanon", "Iraq"}
    text = ("Le 12e round des pourparlers d'Astana a pris fin vendredi. Les garants sont convenus de conférer à "
            "l'Irak et au Liban le statut d'observateurs.")
    f = extract_facts(article(text, "2019-04-26"), KB)
    assert not f.get("observers")


def test_a_plan_that_fell_through_or_an_expected_end_is_no_date_of_the_round():
    text = ("Le cinquième round des pourparlers d'Astana sur la Syrie s'est ouvert mardi. Les négociations devaient "
            "démarrer le 8 juin, mais elles ont été reportées.")
    f = extract_facts(article(text, "2017-07-04"), KB)
    assert all(v.start != date(2017, 6, 8) for v in f.get("dates", about=None))
    text = "The eighth round of the Astana talks opened on Thursday; the talks are expected to end on 23 December."
    f = extract_facts(article(text, "2017-12-21"), KB)
    assert all(v.start != date(2017, 12, 23) for v in f.get("dates", about=None))
