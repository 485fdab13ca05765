"""Each slot type's `compare`, called directly (no model), and the consensus judge."""
from __future__ import annotations

from datetime import date

from helpers_articles import article

from muqabala.judge import judge_slots
from muqabala.knowledge import load_knowledge
from muqabala.slots import REGISTRY, About, Label, SlotValue, Status, compare, extract_facts

KB = load_knowledge()


def dates(a, b, printed=None, gran="day"):
    return SlotValue("dates", "", f"{a}/{b}", printed or f"{a}/{b}", "x:0", (0, 1), start=date.fromisoformat(a),
                     end=date.fromisoformat(b), granularity=gran)


def test_registry_lists_every_slot_type_in_order():
    assert list(REGISTRY)[:7] == ["venue", "dates", "heads", "un", "observers", "next_round", "next_summit"]


def test_dates_compare_labels():
    base = dates("2024-11-11", "2024-11-12")
    assert compare(base, dates("2024-11-11", "2024-11-12"), KB).status is Status.AGREE
    within = compare(base, dates("2024-11-12", "2024-11-12"), KB)
    assert within.status is Status.AGREE and within.label is Label.WITHIN_SPAN
    assert compare(base, dates("2023-11-11", "2023-11-12"), KB).label is Label.WRONG_YEAR
    assert compare(base, dates("2024-10-11", "2024-10-12"), KB).label is Label.WRONG_MONTH
    assert compare(base, dates("2024-11-12", "2024-11-13"), KB).label is Label.DAYS_OFF_BY_ONE
    assert compare(base, dates("2024-11-12", "2024-11-14"), KB).label is Label.DIFFERENT_DATES
    unresolved = SlotValue("dates", "", "الاثنين", "الاثنين", "x:0", (0, 1))
    assert compare(base, unresolved, KB).status is Status.CANNOT_COMPARE


def venue(key, printed, status="valid", weak=False):
    return SlotValue("venue", "", key, printed, "x:0", (0, 1), name_status=status, weak=weak)


def test_venue_compare_naming_is_never_a_different_venue():
    c = compare(venue("Astana", "أستانا"), venue("Astana", "نور سلطان", "outdated"), KB)
    assert c.status is Status.CONFLICT and c.label is Label.NAMING_CONFLICT
    assert compare(venue("Astana", "Astana"), venue("Sochi", "Sochi"), KB).label is Label.DIFFERENT_VENUE
    # a country is only a weak value: never a different venue
    assert compare(venue("Astana", "Astana"), venue("Astana", "Kazakhstan", weak=True), KB).status is Status.AGREE
    assert compare(venue("Sochi", "Sochi"), venue("Astana", "Kazakhstan", weak=True), KB).status is Status.CANNOT_COMPARE


def head(printed, title=""):
    return SlotValue("heads", "Iran", printed, printed, "x:0", (0, 1), title=title)


def test_heads_compare_title_leak_script_and_titles():
    assert compare(head("Political Affairs Ali Asghar Khaji"), head("Ali Asghar Khaji"), KB).status is Status.AGREE
    # an unknown Arabic name against a known person whose Arabic spellings differ: different people
    c = compare(head("ميخائيل بوغدانوف"), head("Alexander Lavrentiev"), KB)
    assert c.status is Status.CONFLICT and c.label is Label.DIFFERENT_PERSON
    c = compare(head("علي أصغر خاجي", "كبير مستشاري وزير الخارجية"), head("علي أصغر حاجي", "نائب وزير الخارجية"), KB)
    assert c.status is Status.AGREE and c.label is Label.TITLE_DIFFERENCE


def _facts(texts, round_no=31):
    out = []
    for i, (text, published) in enumerate(texts):
        art = article(text, published, outlet=f"Outlet {i}", aid=f"o{i}")
        out.append(extract_facts(art, KB))
    assert all(f.event.round == round_no for f in out), [f.event.reason for f in out]
    return out


def test_consensus_flags_only_the_outlet_that_departs():
    right = "The 31st round of the Astana talks on Syria was held in Astana on 14-15 April 2026."
    wrong = "The 31st round of the Astana talks on Syria was held in Astana on 14-15 March 2026."
    facts = _facts([(right, "2026-04-16")] * 4 + [(wrong, "2026-04-16")])
    v = next(v for v in judge_slots(facts, KB) if v.slot == "dates")
    assert v.status is Status.CONFLICT and v.label is Label.WRONG_MONTH
    assert [x.outlet for x in v.dissent] == ["Outlet 4"] and v.consensus_count == 4


def test_no_majority_names_no_culprit():
    a = "The 31st round of the Astana talks on Syria was held in Astana on 14-15 April 2026."
    b = "The 31st round of the Astana talks on Syria was held in Astana on 14-15 March 2026."
    v = next(v for v in judge_slots(_facts([(a, "2026-04-16"), (b, "2026-04-16")]), KB) if v.slot == "dates")
    assert v.status is Status.NO_MAJORITY and not v.dissent


def test_the_calendar_is_a_witness_for_a_lone_outlet():
    text = "The 22nd round of the Astana talks on Syria was held in Astana on 11-12 November 2023."
    facts = _facts([(text, "2024-11-13")], round_no=22)
    v = next(v for v in judge_slots(facts, KB) if v.slot == "dates")
    assert v.status is Status.CONFLICT and v.label is Label.WRONG_YEAR and [x.outlet for x in v.dissent] == ["Outlet 0"]


def test_plan_before_the_round_is_superseded_not_in_conflict():
    plan = "The 31st round of the Astana talks on Syria will be held in Astana on 14-16 April 2026."
    held = "The 31st round of the Astana talks on Syria was held in Astana on 15-16 April 2026."
    facts = _facts([(plan, "2026-03-30"), (held, "2026-04-16"), (held, "2026-04-17")])
    v = next(v for v in judge_slots(facts, KB) if v.slot == "dates")
    assert v.status is Status.SUPERSEDED and v.label is Label.PLAN_VS_OUTCOME and not v.dissent


def test_un_observers_and_next_round_compare():
    un = lambda p: SlotValue("un", "", p, p, "x:0", (0, 1))  # noqa: E731
    assert compare(un("Geir Pedersen"), un("غير بيدرسون"), KB).status is Status.AGREE
    assert compare(un("Geir Pedersen"), un("Khawla Matar"), KB).label is Label.DIFFERENT_PERSON
    obs = SlotValue("observers", "Jordan", "Jordan", "الأردن", "x:0", (0, 1))
    assert compare(obs, obs, KB).status is Status.AGREE
    when = lambda a, b, p: SlotValue("next_round", "when", f"{a}/{b}", p, "x:0", (0, 1),  # noqa: E731
                                     start=date.fromisoformat(a), end=date.fromisoformat(b), granularity="half")
    c = compare(when("2025-01-01", "2025-06-30", "H1 2025"), when("2025-07-01", "2025-12-31", "H2 2025"), KB)
    assert c.status is Status.CONFLICT and c.label is Label.DIFFERENT_TIMING and "2025" in c.reason
    where = lambda v: SlotValue("next_round", "where", v, v, "x:0", (0, 1))  # noqa: E731
    assert compare(where("Astana"), where("to be decided"), KB).status is Status.AGREE
    assert compare(where("Astana"), where("Tehran"), KB).label is Label.DIFFERENT_PLACE
    # a country (weak) agrees with a city in it, and is never a different place from one elsewhere
    country = SlotValue("next_round", "where", "Kazakhstan", "كازاخستان", "x:0", (0, 1), weak=True)
    assert compare(country, where("Astana"), KB).status is Status.AGREE
    assert compare(where("Sochi"), country, KB).status is Status.CANNOT_COMPARE


def test_kazakh_capital_resolves_to_the_name_of_the_day():
    text = "The 13th round of the Astana talks on Syria opened on Thursday in the Kazakh capital."
    f = extract_facts(article(text, "2019-08-01"), KB)
    v = f.get("venue")[0]
    assert v.value == "Astana" and v.name_status == "descriptive" and "Nur" in v.reason


def test_background_and_hypothetical_places_are_not_the_venue():
    text = ("The 16th round of the Astana talks on Syria ended on Thursday in Nur-Sultan. "
            "The format has met 16 times since 2017, two of them in Sochi. "
            "Officials said the next venue could be Moscow, Ankara or Tehran.")
    f = extract_facts(article(text, "2021-07-08"), KB)
    assert {v.value for v in f.get("venue")} == {"Astana"}


def test_a_weekday_ahead_is_the_coming_one():
    text = "The 12th round of the Astana talks on Syria will open on Thursday in Nur-Sultan."
    f = extract_facts(article(text, "2019-04-22"), KB)  # a Monday
    assert [d.start for d in f.get("dates")] == [date(2019, 4, 25)]


def test_dates_of_other_occasions_are_not_the_rounds():
    text = ("The 2nd round of the Astana talks on Syria opened on 16 February in Astana. "
            "The State Department said on Friday (10 February 2017) that it had no invitation to the Astana talks. "
            "Gatilov hoped the Astana round would help a meeting in Geneva scheduled for February 23rd. "
            "The guarantors also set 29 and 30 January as the date of the Syrian National Dialogue Congress.")
    f = extract_facts(article(text, "2017-02-16"), KB)
    assert [(d.start.isoformat(), d.end.isoformat()) for d in f.get("dates")] == [("2017-02-16", "2017-02-16")]


def test_a_previews_next_meeting_is_its_own_round():
    text = "The next meeting of the Astana talks on Syria will be held in Sochi on July 30-31, the ministry said."
    f = extract_facts(article(text, "2018-07-10"), KB)
    assert f.event.round == 10 and not f.get("next_round")


def test_heads_patterns_from_real_coverage():
    text = ("سيترأس الوفد الروسي ألكسندر لافرنتييف، فيما سيترأس الوفد التركي سيدات أونال، والوفد الإيراني علي أصغر حاجي "
            "في الجولة الـ 20 من محادثات أستانا. "
            "وعقد وفد الجمهورية العربية السورية برئاسة أيمن سوسان لقاء مع الوفد الروسي برئاسة ألكسندر لافرنتييف "
            "في الجولة الـ 20 من محادثات أستانا. "
            "وقال رئيس وفد المعارضة، أحمد طعمة، إن الجولة الـ 20 من محادثات أستانا لم تحقق شيئا.")
    f = extract_facts(article(text, "2023-06-20"), KB)
    heads = {(v.key, v.value) for v in f.get("heads")}
    assert {("Russia", "Alexander Lavrentiev"), ("Iran", "Ali Asghar Khaji"), ("Syrian government", "Ayman Sousan"),
            ("Syrian opposition", "Ahmad Toma")} <= heads


def test_a_datelines_date_is_the_storys_not_the_meetings():
    text = ("Moscow, Feb 15, IRNA - The Iranian delegation arrived to attend the 15th round of the Astana talks on Syria, "
            "which will be held in Sochi on February 16-17.")
    f = extract_facts(article(text, "2021-02-16"), KB)
    assert [(d.start.isoformat(), d.end.isoformat()) for d in f.get("dates")] == [("2021-02-16", "2021-02-17")]


def test_head_with_a_title_between_commas_and_a_delegation_named_before():
    text = ("بدأت الجولة الـ 12 من محادثات أستانا، حيث يترأس الوفد الروسي، المبعوث الخاص إلى سوريا، ألكسندر لافرنتييف، "
            "ووفد المعارضة، برئاسة أحمد طعمة.")
    f = extract_facts(article(text, "2019-04-25"), KB)
    heads = {(v.key, v.value) for v in f.get("heads")}
    assert {("Russia", "Alexander Lavrentiev"), ("Syrian opposition", "Ahmad Toma")} <= heads


def test_venue_after_a_place_noun_an_arrival_and_in_a_preview():
    # a place noun between the cue and the name; "launched in the capital, the Nth round" is this round, not history
    resort = "The tenth round of the Astana talks on Syria opened on Monday in the southern Russian resort of Sochi."
    assert [v.value for v in extract_facts(article(resort, "2018-07-30"), KB).get("venue")] == ["Sochi"]
    launched = "انطلقت في العاصمة الكازاخية نور سلطان، الجولة الثانية عشرة من المحادثات حول سوريا."
    v = REGISTRY["venue"].representative(extract_facts(article(launched, "2019-04-25"), KB).get("venue"))
    assert [(x.value, x.printed, x.name_status) for x in v] == [("Astana", "نور سلطان", "valid")]
    # where a delegation arrives for the round
    arrived = "وصل الوفد الحكومي السوري إلى العاصمة الكازاخية نور سلطان للمشاركة في الجولة السادسة عشرة من محادثات أستانا."
    assert {x.value for x in extract_facts(article(arrived, "2021-07-06"), KB).get("venue")} == {"Astana"}
    # a preview's "next round" is its own round: its place is the venue, and no next round is announced
    preview = ("The foreign minister said the next round of the Astana talks will be held in the Kazakh capital city "
               "of Nur-Sultan on 10-11 December.")
    f = extract_facts(article(preview, "2019-11-29"), KB)
    assert f.event.round == 14 and {x.value for x in f.get("venue")} == {"Astana"} and not f.get("next_round")
    # history is still history
    history = ("The 14th round of the Astana talks on Syria opened on Tuesday in Nur-Sultan. "
               "The talks began in January 2017 in the Kazakh capital, and one meeting was held in the Russian city of Sochi.")
    assert {x.value for x in extract_facts(article(history, "2019-12-10"), KB).get("venue")} == {"Astana"}


def test_known_delegation_leaders_in_wording_the_patterns_do_not_read():
    text = ("In the 16th round of the Astana talks on Syria, Special Envoy Alexander Lavrentiev leads the Russian team, "
            "while Iranian senior adviser Ali Asghar Khaji heads his country's delegation. "
            "At the 16th round of the Astana talks, the Turkish delegation, led by Deputy Foreign Minister Sedat Onal, "
            "includes Selcuk Unal, the ministry's director for Syria. "
            "Lavrentiev and Jaafari spoke to reporters after the 16th round of the Astana talks.")
    f = extract_facts(article(text, "2021-07-08"), KB)
    heads = {(v.key, v.value) for v in f.get("heads")}
    # a member of a delegation whose head is named is not a second head; a name with no word on leading is no head
    assert heads == {("Russia", "Alexander Lavrentiev"), ("Iran", "Ali Asghar Khaji"), ("Turkey", "Sedat Onal")}


def test_observers_humanitarian_bodies_and_another_bodys_guests():
    text = ("Observers from the UN Office of the High Commissioner for Refugees and the International Committee of the "
            "Red Cross are expected at the 11th round of the Astana talks. "
            "The 11th round of the Astana talks will also host a meeting of the working group on detainees with the "
            "participation of experts from Jordan. "
            "The Syrian National Dialogue Congress will invite observers from Lebanon.")
    f = extract_facts(article(text, "2018-11-27"), KB)
    assert {v.key for v in f.get("observers")} == {"UNHCR", "ICRC"}


def test_un_representation_absence_presence_and_advisers():
    text = ("The 13th round of the Astana talks on Syria opens on Thursday in Nur-Sultan. "
            "UN envoy Geir Pedersen is not going to attend the talks for health reasons, the ministry said. "
            "The deputy UN envoy Khawla Matar will also arrive in the Kazakh capital with a small delegation. "
            "Special Adviser to the UN Special Envoy Vitaly Naumkin sat with the Russian delegation at the 13th round.")
    f = extract_facts(article(text, "2019-07-30"), KB)
    assert {v.value for v in f.get("un")} == {"Khawla Matar"}


def test_a_sentence_dated_in_an_earlier_round_speaks_of_that_round():
    text = ("The 13th round of the Astana talks on Syria opened on Thursday in Nur-Sultan. "
            "UN envoy Geir Pedersen attends a session of the Astana talks in Nur-Sultan, April 26, 2019.")
    f = extract_facts(article(text, "2019-08-01"), KB)
    assert not f.get("un") and [v.start for v in f.get("dates")] == [date(2019, 8, 1)]


def test_title_difference_is_about_ranks_in_any_script():
    # one rank in two scripts and different filler words: no difference
    same = compare(head("حسين جابري أنصاري", "نائب وزير الخارجية الإيراني"),
                   head("Hossein Jaberi Ansari", "Iranian Deputy Foreign Minister"), KB)
    assert same.label is not Label.TITLE_DIFFERENCE
    # deputy minister against assistant minister, across scripts: a title difference, never a conflict
    c = compare(head("حسين جابري أنصاري", "مساعد وزير الخارجية للشؤون العربية والأفريقية"),
                head("Hossein Jaberi Ansari", "Deputy Foreign Minister"), KB)
    assert c.status is Status.AGREE and c.label is Label.TITLE_DIFFERENCE
    # a title with no known rank says nothing
    assert compare(head("Ali Asghar Khaji", "Iran's man in Astana"), head("Ali Asghar Khaji", "Senior Adviser"),
                   KB).label is not Label.TITLE_DIFFERENCE


def test_title_ranks_read_possessives_construct_plurals_and_envoy_as_representative():
    aide = head("Ali Asghar Khaji", "Foreign Minister’s Senior Aide for political affairs")
    assert compare(aide, head("علي أصغر خاجي", "كبير مساعدي وزير الخارجية للشؤون السياسية"), KB).label \
        is not Label.TITLE_DIFFERENCE
    assert compare(aide, head("Ali Asghar Khaji", "Deputy Foreign Minister"), KB).label is Label.TITLE_DIFFERENCE
    # "special envoy" and "special representative of the president": one office, printed two ways
    assert compare(head("Alexander Lavrentiev", "Special Envoy for Syria"),
                   head("Alexander Lavrentiev", "Special Representative of the Russian President for Syria"),
                   KB).label is not Label.TITLE_DIFFERENCE


def _khaji(verb, title):
    return f"The Iranian delegation to the 31st round of the Astana talks {verb} {title} Ali Asghar Khaji."


def test_the_outlet_with_the_odd_title_is_named_and_nobody_is_flagged():
    adviser, deputy = (_khaji("is headed by", t) for t in ("senior adviser to the foreign minister",
                                                          "deputy foreign minister"))
    facts = _facts([(adviser, "2026-04-16"), (adviser, "2026-04-16"), (deputy, "2026-04-16")])
    v = next(v for v in judge_slots(facts, KB) if v.slot == "heads" and v.key == "Iran")
    assert v.status is Status.AGREE and v.label is Label.TITLE_DIFFERENCE
    assert [x.outlet for x in v.values if x.label is Label.TITLE_DIFFERENCE] == ["Outlet 2"]
    assert not any(x.flagged for x in v.values)
    # a preview's title counts too when naming the odd one: a title does not change with the plan
    preview = _khaji("is expected to be headed by", "senior adviser to the foreign minister")
    facts = _facts([(preview, "2026-03-01"), (deputy, "2026-04-16"), (adviser, "2026-04-16")])
    v = next(v for v in judge_slots(facts, KB) if v.slot == "heads" and v.key == "Iran")
    assert [x.outlet for x in v.values if x.label is Label.TITLE_DIFFERENCE] == ["Outlet 1"]


def test_a_day_still_ahead_in_a_story_written_after_the_round_is_not_its_date():
    text = ("The 22nd round of the Astana talks on Syria ended on Tuesday in Astana. "
            "Russia, Iran and Turkey will hold talks in Astana on 25 November on the ceasefire.")
    f = extract_facts(article(text, "2024-11-13"), KB)
    assert [(d.start, d.about) for d in f.get("dates", about=None)] == [(date(2024, 11, 12), About.THIS),
                                                                       (date(2024, 11, 25), About.BACKGROUND)]


def test_a_day_set_off_by_commas_dates_the_round_and_renewed_yesterday_is_a_statement():
    text = ("انطلقت، اليوم الثلاثاء، في مدينة سوتشي الروسية، أعمال الجولة الـ 15 من محادثات أستانا. "
            "وجدد المتحدث أمس التأكيد على مشاركة الفصائل في الجولة الـ 15 من محادثات أستانا.")
    f = extract_facts(article(text, "2021-02-16"), KB)
    assert [d.start for d in f.get("dates")] == [date(2021, 2, 16)]


def test_a_month_only_story_that_announces_its_rounds_opening_is_a_preview():
    text = ("The UN envoy plans to attend the next Astana meeting in Sochi. "
            "The Astana meeting on Syria is to be held in the Russian resort of Sochi on February 16 and 17.")
    f = extract_facts(article(text, "2021-02"), KB)
    assert f.event.round == 15
    assert not f.get("next_round") and {v.value for v in f.get("venue")} == {"Sochi"}


def test_observers_that_stayed_away_and_observers_of_rounds_to_come():
    text = ("The ninth round of the Astana talks opened in Astana, attended by a delegation from Jordan as an observer, "
            "in the absence of the American side this time. "
            "The ministry said the US abstained from sending an observer delegation to the ninth round of the talks. "
            "At the ninth round of the Astana talks the guarantors agreed to invite Iraq and Lebanon to the "
            "subsequent meetings as observers.")
    f = extract_facts(article(text, "2018-05-14"), KB)
    assert {v.key for v in f.get("observers")} == {"Jordan"}


def test_a_known_leader_sent_to_the_talks_is_a_head_but_one_merely_quoted_is_not():
    # the seeds' gold counts a head only where the text says who leads, sends or represents
    text = ("Russia is sending presidential envoy Alexander Lavrentiev to the 16th round of the Astana talks. "
            "Iranian senior adviser Ali Asghar Khaji told reporters at the end of the 16th round of the Astana talks "
            "that the meeting had gone well.")
    f = extract_facts(article(text, "2021-07-06"), KB)
    assert {(v.key, v.value, v.weak) for v in f.get("heads")} == {("Russia", "Alexander Lavrentiev", False),
                                                                  ("Iran", "Ali Asghar Khaji", True)}


def test_an_envoy_met_elsewhere_is_not_the_rounds_representative():
    text = ("Ahead of the 16th round of the Astana talks, Lavrov met the UN envoy Geir Pedersen in Moscow. "
            "Geir Pedersen will head to Nur-Sultan for the 16th round of the Astana talks after talks in Moscow.")
    f = extract_facts(article(text, "2021-07-05"), KB)
    assert [v.sentence_id for v in f.get("un")] == ["t:1"]


def test_a_deputy_envoy_represents_the_un():
    text = "وحضر الجولة الـ 21 من محادثات أستانا نائبة المبعوث الأممي إلى سوريا نجاة رشدي."
    f = extract_facts(article(text, "2024-01-25"), KB)
    assert [(v.value, v.title) for v in f.get("un")] == [("Najat Rochdi", "deputy special envoy")]


def test_paired_month_names_that_disagree_are_a_wrong_month():
    torn = SlotValue("dates", "", "2019-12-10/2019-12-11", "10 و11 من كانون الأول/ يناير", "x:0", (0, 1),
                     start=date(2019, 12, 10), end=date(2019, 12, 11), granularity="day",
                     note="paired month names disagree (كانون الأول / يناير)")
    c = compare(torn, dates("2019-12-10", "2019-12-11"), KB)
    assert c.status is Status.CONFLICT and c.label is Label.WRONG_MONTH


def test_venue_from_a_dateline_a_hosting_verb_and_a_quoted_city():
    # a story filed from the host city while the round is on
    dateline = "نور سلطان 1 أغسطس (وكالات) يتوقع أن تركز الجولة الـ13 من محادثات أستانا على إدلب."
    v = extract_facts(article(dateline, "2019-08-01"), KB).get("venue")
    assert [(x.value, x.note) for x in v] == [("Astana", "dateline")]
    # the same dateline a month later says nothing about the venue
    assert not extract_facts(article(dateline, "2019-09-01"), KB).get("venue")
    hosted = "واحتضنت مدينة سوتشي الروسية أعمال الجولة الـ 15 من محادثات أستانا على مدار يومين."
    assert [x.value for x in extract_facts(article(hosted, "2021-02-18"), KB).get("venue")] == ["Sochi"]
    quoted = "وغادر الوفد السوري متجهاً إلى العاصمة الكازاخستانية «نور سلطان» للمشاركة في الجولة الـ14 من محادثات أستانا."
    assert {x.value for x in extract_facts(article(quoted, "2019-12-09"), KB).get("venue")} == {"Astana"}


def test_in_a_preview_a_bare_weekday_is_the_coming_one_and_a_past_day_or_a_bound_is_not_the_rounds():
    text = ("The fifth round of the Astana talks, which the city hosts on Tuesday, will last two days. "
            "On June 20 the guarantors discussed the fifth round of the Astana talks by phone. "
            "Iran ruled out any round of the Astana talks before 10 July.")
    f = extract_facts(article(text, "2017-07-03"), KB)  # a Monday
    assert [(d.start, d.end) for d in f.get("dates")] == [(date(2017, 7, 4), date(2017, 7, 5))]


def test_a_weekday_between_commas_and_verbs_of_starting_and_lasting():
    text = ("وانطلقت، يوم أمس الاثنين، في العاصمة الكازاخستانية أستانا، الجولة السابعة للمفاوضات حول التسوية السورية. "
            "ويشارك المبعوث الأممي في محادثات أستانا، والتي ستبدأ اليوم الثلاثاء، وستستمر للغد الأربعاء.")
    f = extract_facts(article(text, "2017-10-31"), KB)
    assert sorted({d.start for d in f.get("dates")}) == [date(2017, 10, 30), date(2017, 10, 31), date(2017, 11, 1)]


def test_a_verb_of_holding_right_before_a_day_dates_the_meeting_even_after_a_verb_of_saying():
    text = ("تستضيف العاصمة الكازاخستانية، اليوم الأربعاء وغدا الخميس، الجولة الرابعة من محادثات أستانا. "
            "أعلن رئيس كازاخستان في الجولة الرابعة من محادثات أستانا التي بدأت الأربعاء أن المحادثات مهمة. "
            "تنطلق اليوم الجولة الرابعة من محادثات أستانا ويتوقع أن تركز على مناطق التهدئة.")
    f = extract_facts(article(text, "2017-05-03"), KB)
    assert sorted({d.start for d in f.get("dates")}) == [date(2017, 5, 3), date(2017, 5, 4)]
    assert len(f.get("dates")) == 4


def test_observers_near_the_word_observer_across_and_and_as_well_as():
    text = ("At the 16th round of the Astana talks, delegations from Lebanon, Jordan and Iraq take part, at the level "
            "of ambassadors, as observers, as well as the United Nations. "
            "At the 16th round of the Astana talks the US and Jordanian representatives took part as observers. "
            "At the 16th round of the Astana talks they will discuss expanding the number of observer states to "
            "include China.")
    f = extract_facts(article(text, "2021-07-08"), KB)
    assert {v.key for v in f.get("observers")} == {"Lebanon", "Jordan", "Iraq", "UN", "United States"}


def test_next_round_announced_as_meeting_again_or_a_future_round():
    text = ("The guarantors agreed at the third round of the Astana talks to meet again in early May. "
            "The deputy minister said there would be a future round of negotiations in Astana on May 3-4.")
    f = extract_facts(article(text, "2017-03-15"), KB)
    when = {(v.start, v.end) for v in f.get("next_round", "when")}
    assert (date(2017, 5, 3), date(2017, 5, 4)) in when and any(s.month == 5 and e.day == 31 for s, e in when)
    assert {v.value for v in f.get("next_round", "where")} == {"Astana"}


def test_the_un_envoy_at_another_bodys_meeting_is_not_the_rounds_representative():
    text = ("On the sidelines of the meeting of the Constitutional Committee in Geneva, Iran, Russia and Turkey "
            "issued a statement after consulting UN envoy Geir Pedersen. "
            "The guarantors backed the Constitutional Committee at the 15th round of the Astana talks, while "
            "UN envoy Geir Pedersen said the 15th round of the Astana talks went well.")
    f = extract_facts(article(text, "2021-02-17"), KB)
    assert [v.sentence_id for v in f.get("un")] == ["t:1"]


def test_a_preview_that_departs_from_an_earlier_right_preview_is_an_error_not_a_changed_plan():
    early = "The 31st round of the Astana talks on Syria will be held in Astana on 15-16 April 2026."
    wrong = "The 31st round of the Astana talks on Syria will open in Astana on 14 April 2026."
    held = "The 31st round of the Astana talks on Syria was held in Astana on 15-16 April 2026."
    facts = _facts([(early, "2026-04-01"), (wrong, "2026-04-12"), (held, "2026-04-16"), (held, "2026-04-17")])
    v = next(v for v in judge_slots(facts, KB) if v.slot == "dates")
    assert v.status is Status.CONFLICT and [x.outlet for x in v.dissent] == ["Outlet 1"]
    # with no earlier preview giving what happened, the same departure is a plan that changed
    facts = _facts([(wrong, "2026-04-12"), (held, "2026-04-16"), (held, "2026-04-17")])
    v = next(v for v in judge_slots(facts, KB) if v.slot == "dates")
    assert v.status is Status.SUPERSEDED and not v.dissent


def test_head_after_a_verb_with_a_pronoun_and_a_long_title():
    text = ("وأكد المتحدث أن الوفد الروسي إلى الجولة الخامسة من محادثات أستانا يترأسه مدير قسم الشرق الأوسط "
            "وشمال إفريقيا في الخارجية الروسية، سيرغي فيرشينين.")
    f = extract_facts(article(text, "2017-07-05"), KB)
    assert {(v.key, v.value) for v in f.get("heads")} == {("Russia", "Sergey Vershinin")}


def test_days_named_with_the_meeting_or_moved_to_for_technical_reasons():
    text = ("The second round of the Astana talks has been moved to February 16 for technical reasons, the ministry said. "
            "وقال الوزير، اليوم الخميس في الجلسة العامة للجولة الثانية من محادثات أستانا، إن الاجتماع ناجح. "
            "The second round of the Astana talks will be held in Sochi on February 16 and 17, according to TASS.")
    f = extract_facts(article(text, "2017-02-16"), KB)
    assert [d.start for d in f.get("dates")] == [date(2017, 2, 16)] * 3
    # a technical meeting is still not the round
    other = "A technical meeting of the Astana talks on Syria was held in Astana on February 14."
    assert date(2017, 2, 14) not in {d.start for d in extract_facts(article(other + " " + text, "2017-02-16"),
                                                                  KB).get("dates")}


def test_an_envoy_at_a_gathering_elsewhere_or_beside_another_partys_absence():
    text = ("وكان المبعوث الأممي إلى سوريا، ستيفان دي ميستورا، قد نقل في مؤتمر جنيف بنود القرار إلى الجولة التاسعة "
            "من محادثات أستانا. "
            "كما يحضر الجولة التاسعة من محادثات أستانا وفد أممي برئاسة المبعوث الأممي ستيفان دي ميستورا، "
            "ووفد عن الأردن بصفة مراقبين في ظل غياب الجانب الأمريكي.")
    f = extract_facts(article(text, "2018-05-14"), KB)
    assert [v.sentence_id for v in f.get("un")] == ["t:1"]


def test_observers_after_us_and_observers_invited_for_later():
    text = ("At the sixth round of the Astana talks, delegates from Jordan and the U.S. attended as observers. "
            "وجاء في البيان المشترك للجولة السادسة من محادثات أستانا: ناقشنا مسألة زيادة عدد المراقبين واتفقنا على "
            "دعوة البلدان المجاورة، العراق ولبنان.")
    f = extract_facts(article(text, "2017-09-15"), KB)
    assert {v.key for v in f.get("observers")} == {"Jordan", "United States"}


def test_next_round_stops_at_another_bodys_meeting_and_a_hope_is_no_announcement():
    text = ("وأشار إلى أن الجولة القادمة من محادثات أستانا ستعقد في نهاية شهر أغسطس، وأن الجلسة القادمة لمجموعة "
            "العمل المشتركة ستجري في طهران. "
            "The envoys of the fifth round of the Astana talks expressed the hope that the next meeting would "
            "take place in Sochi.")
    f = extract_facts(article(text, "2017-07-05"), KB)
    # Tehran (the working group's) and Sochi (a hope) are not the next round's place, and the process's name
    # ("the next round of the Astana talks") is no place either: the tenth round of that name met in Sochi
    assert f.get("next_round", "where") == []
    assert [v.start.month for v in f.get("next_round", "when")] == [8]


def test_a_next_venue_still_open_in_other_words():
    text = ("The guarantors agreed at the tenth round of the Astana talks to hold the next meeting in November, "
            "without specifying its location.")
    f = extract_facts(article(text, "2018-07-31"), KB)
    assert [v.value for v in f.get("next_round", "where")] == ["to be decided"]


def test_the_seeds_delegation_leaders_are_known_leaders():
    text = ("وفي الجولة الـ 22 من محادثات أستانا، مثّل الجانب التركي إحسان مصطفى يورداكول، فيما حضر أيمن رعد "
            "على رأس الجانب السوري.")
    f = extract_facts(article(text, "2024-11-12"), KB)
    assert {(v.key, v.value) for v in f.get("heads")} == {("Turkey", "Ihsan Mustafa Yurdakul"),
                                                       ("Syrian government", "Ayman Raad")}


def test_the_meeting_goes_on_about_the_round_just_named():
    # a preview of round 7 recalls round 6; "the meeting" two sentences later is still round 6
    text = ("Kazakhstan's foreign minister said new parties may join the seventh Astana meeting on Syria. "
            "The sixth international meeting on Syria was held in the Kazakh capital on September 14-15. "
            "Its participants agreed on the last de-escalation zone. "
            "The meeting brought together the three guarantors and the UN Special Envoy Staffan de Mistura, while "
            "Jordan and the United States attended as observers.")
    f = extract_facts(article(text, "2017-10-10"), KB)
    assert f.event.round == 7
    assert not f.get("un") and not f.get("observers")


def test_observers_not_taken_from_a_clause_with_its_own_verb_or_a_ministry_that_speaks():
    text = ("وأفاد لافرنتييف بأن وفودا من اللجنة الدولية للصليب الأحمر وصلت إلى سوتشي، ووصل مراقبون من الأردن "
            "ولبنان للمشاركة في الجولة الخامسة عشرة من محادثات أستانا. "
            "وقالت وزارة الخارجية الأمريكية إن محادثات أستانا المقبلة لا تعنيها.")
    f = extract_facts(article(text, "2021-02-16"), KB)
    assert {v.key for v in f.get("observers")} == {"Jordan", "Lebanon"}


def test_an_observer_not_yet_confirmed_or_come_for_another_body_is_none():
    text = ("Moscow asked the US to join the Astana talks on Syria as an observer, but the State Department has yet "
            "to confirm that Washington will take part. "
            "وأضاف أنه لا توجد معلومات حتى الآن عن مشاركة الولاياتالمتحدة في محادثات أستانا. "
            "Delegates of the Red Cross will also come to Astana to hold a meeting of the working group on detainees.")
    f = extract_facts(article(text, "2017-02-14"), KB)
    assert not f.get("observers")


def test_observers_named_as_officials_and_delegates_without_the_talks_named():
    text = ("The eighth Astana meeting on Syria opened with the heads of the guarantors' delegations, namely "
            "Alexander Lavrentiev (Russia) and Sedat Onal (Turkey), and the observer states, namely Acting Assistant "
            "Secretary David Satterfield (U.S.). "
            "Jordan will also be represented by a delegation of senior officials.")
    f = extract_facts(article(text, "2017-12-21"), KB)
    assert {v.key for v in f.get("observers")} == {"Jordan", "United States"}
    assert set(v.key for v in f.get("heads")) == {"Russia", "Turkey"}  # the observers' list holds no heads


def test_next_round_not_read_from_the_own_round_or_a_plan_given_up():
    own = ("KAZINFORM - Every participant in the upcoming 11th International Meeting on Syria has arrived in Astana. "
           "\"The next round of the Astana talks is now underway in the capital,\" the mayor said. "
           "The next meeting was supposed to take place in Kazakhstan's capital in March, but was postponed.")
    f = extract_facts(article(own, "2018-11-28"), KB)
    assert f.event.round == 11 and not f.get("next_round")
    geneva = ("وأكد البيان الختامي للجولة الخامسة من محادثات أستانا ترحيب الدول الضامنة بالجولة المقبلة من محادثات "
              "جنيف في العاشر من الشهر الحالي.")
    assert not extract_facts(article(geneva, "2017-07-05"), KB).get("next_round", "when")
    could = ("After the fifth Astana round, the guarantors plan expert talks to set the date of the next meeting "
             "as part of the Astana process. That meeting could perhaps be held in mid-September.")
    assert not extract_facts(article(could, "2017-08-22"), KB).get("next_round", "when")


def test_next_round_takes_the_city_name_after_the_kazakh_capital_and_a_year():
    text = ("وأعلن البيان الختامي للجولة الخامسة عشرة من محادثات أستانا أن الجولة المقبلة ستعقد في عاصمة كازاخستان "
            "نور سلطان منتصف العام الحالي.")
    f = extract_facts(article(text, "2021-02-17"), KB)
    assert [v.printed for v in f.get("next_round", "where")] == ["نور سلطان"]
    assert [(v.start.year, v.granularity) for v in f.get("next_round", "when")] == [(2021, "year")]


def test_the_quadrilateral_format_is_another_body_and_the_final_round_is_this_one():
    text = ("اختتمت في أستانا اليوم الجولة العشرون من محادثات أستانا حول سوريا بمشاركة الدول الضامنة. "
            "وعلى هامشها عقد الاجتماع الرباعي لنواب وزراء خارجية روسيا وإيران وتركيا وسوريا، بعد اجتماع رباعي سابق "
            "في موسكو في أيار الماضي، وقال المبعوث الروسي إن الاجتماع المقبل للصيغة الرباعية سيعقد في موسكو. "
            "Kazakhstan's deputy foreign minister said this was the last meeting of the talks held in Astana, "
            "with the UN deputy envoy Najat Rochdi attending.")
    f = extract_facts(article(text, "2023-06-21"), KB)
    assert f.event.round == 20
    assert {v.value for v in f.get("venue")} == {"Astana"}  # Moscow is the quadrilateral format's
    assert not f.get("next_round")
    assert [v.value for v in f.get("un")] == ["Najat Rochdi"]


def _recalled(text, published):
    from muqabala.judge import recalled_rounds

    f = extract_facts(article(text, published), KB)
    return f, recalled_rounds([f], KB)


def test_an_earlier_round_recalled_with_the_wrong_month_is_flagged_against_the_calendar():
    f, verdicts = _recalled("انطلقت اليوم في أستانا الجولة السادسة من محادثات أستانا حول سوريا. وكانت العاصمة "
                            "الكازاخية قد استضافت يومي 4 و5 حزيران الماضي الجولة الخامسة من المحادثات.", "2017-09-14")
    assert [v.round for v in f.get("dates", about=None) if v.round] == [5]
    [v] = verdicts
    assert v.status is Status.CONFLICT and v.label is Label.WRONG_MONTH and v.recalled_round == 5
    assert [x.article_id for x in v.dissent] == ["t"] and v.consensus == "2017-07-04/2017-07-05"


def test_a_recalled_round_is_not_flagged_when_one_of_its_dates_agrees_or_the_date_is_ahead():
    # the ceasefire's date next to the right one; an invitation to come back later; a year the parser supplied
    for text, published in [
            ("The second Astana round opens today. After the 30 December ceasefire, the first round of the Astana "
             "talks met on 23-24 January.", "2017-02-15"),
            ("The fifth Geneva round closed. The UN envoy invited those at the fourth round of the Astana talks "
             "to return to continue the negotiations on 23 March.", "2017-03-20"),
            ("The 22nd round of the Astana talks opened in Astana on 11 November. The 21st round of the talks "
             "met in Astana on 24-25 January.", "2024-11-11")]:
        assert not _recalled(text, published)[1], text


def test_un_envoy_who_will_represent_the_un_and_a_body_named_as_a_time():
    text = ("The ninth round of the Astana talks opens today in the Kazakh capital. "
            "Staffan de Mistura, who will represent the United Nations, brings a team of experts. "
            "وتلتقي الوفود في أستانا للمرة الأولى منذ مؤتمر الحوار الوطني في سوتشي، ويشارك فيها أيضا المبعوث "
            "الأممي ستيفان دي ميستورا.")
    f = extract_facts(article(text, "2018-05-14"), KB)
    assert sorted(v.sentence_id for v in f.get("un")) == ["t:1", "t:2"]


def test_no_head_from_an_office_a_spokesman_or_words_of_absence():
    text = ("The ninth round of the Astana talks on Syria opened on Monday. Head of the Press Service of the Kazakh "
            "Foreign Ministry Anuar Zhainakov said the US sent no delegation. "
            "Jordan will also be represented by a senior delegation at the Astana talks, government spokesman "
            "Mohammad Momani said. "
            "ويحضر الجولة التاسعة من محادثات أستانا وفد عن الأمم المتحدة، ووفد عن الأردن بصفة مراقب في ظل غياب "
            "الجانب الأمريكي هذه المرة، ووفد روسي برئاسة ألكسندر لافرنتييف.")
    f = extract_facts(article(text, "2018-05-14"), KB)
    assert {v.key: v.value for v in f.get("heads")} == {"Russia": "Alexander Lavrentiev"}


def test_the_date_of_an_accord_is_not_the_rounds_and_a_dateline_after_page_furniture_is():
    text = ("All news\nAstana format partners to meet again this year\n"
            "NUR-SULTAN, July 8. /TASS/. The 16th Astana Format meeting on Syria closed with a joint statement. "
            "At the 16th meeting the sides reiterated their July 1, 2020, agreement to hold a summit in Iran, "
            "recalling the 5 March accord on Idlib.")
    f = extract_facts(article(text, "2021-07-08"), KB)
    assert f.event.round == 16
    assert [(v.printed, v.note) for v in f.get("venue")] == [("NUR-SULTAN", "dateline")]
    assert not f.get("dates")


def test_a_known_leader_sent_as_envoy_to_the_talks_heads_his_party():
    text = ("وقال موفد الكرملين إلى هذه المفاوضات ألكسندر لافرنتييف إن التسوية ممكنة في الجولة السابعة من محادثات أستانا. "
            "Alexander Lavrentiev told reporters in Astana the seventh round went well.")
    f = extract_facts(article(text, "2017-10-31"), KB)
    # quoted at the talks, and not said to lead: a weak head
    assert [(v.key, v.sentence_id, v.weak) for v in f.get("heads")] == [("Russia", "t:0", False), ("Russia", "t:1", True)]


def test_a_leader_only_named_at_the_talks_counts_for_the_consensus_and_never_conflicts():
    led = "The Russian delegation to the 31st round of the Astana talks is headed by Alexander Lavrentiev."
    quoted = "At the close of the 31st round of the Astana talks, Alexander Lavrentiev told reporters it went well."
    facts = _facts([(led, "2026-04-16"), (quoted, "2026-04-16")])
    assert [[h.weak for h in f.get("heads")] for f in facts] == [[False], [True]]
    v = next(v for v in judge_slots(facts, KB) if v.slot == "heads" and v.key == "Russia")
    assert (v.status, v.consensus, v.consensus_count) == (Status.AGREE, "Alexander Lavrentiev", 2)
    # another outlet says someone else led: Lavrentiev, only named there, may have come along
    other = ("The Russian delegation to the 31st round of the Astana talks is headed by deputy foreign minister "
             "Sergey Vershinin.")
    facts = _facts([(other, "2026-04-16"), (quoted, "2026-04-16"), (quoted, "2026-04-16")])
    v = next(v for v in judge_slots(facts, KB) if v.slot == "heads" and v.key == "Russia")
    assert (v.status, v.consensus, v.dissent) == (Status.AGREE, "Sergey Vershinin", [])
    c = compare(facts[1].get("heads")[0], facts[0].get("heads")[0], KB)
    assert c.status is Status.CANNOT_COMPARE and "not said to lead" in c.reason


def test_a_body_in_an_earlier_sentence_of_a_long_quote_does_not_take_the_rounds_date():
    text = ("\"We support the Astana format on Syria. We back the work of the Constitutional Committee under the UN. "
            "Late next month the 11th round of the Astana talks is scheduled in the capital,\" the president said.")
    f = extract_facts(article(text, "2018-11-21"), KB)
    assert [(v.value, v.granularity) for v in f.get("dates")] == [("2018-12", "month")]


def test_an_outlet_whose_own_two_month_names_disagree_is_flagged():
    right = "عقدت الجولة الحادية والثلاثين من محادثات أستانا حول سوريا يومي 14 و15 نيسان/ أبريل 2026."
    torn = "عقدت الجولة الحادية والثلاثين من محادثات أستانا حول سوريا يومي 14 و15 نيسان/ مايو 2026."
    facts = _facts([(right, "2026-04-16")] * 3 + [(torn, "2026-04-16")])
    v = next(v for v in judge_slots(facts, KB) if v.slot == "dates")
    assert v.status is Status.CONFLICT and v.label is Label.WRONG_MONTH
    assert [x.outlet for x in v.dissent] == ["Outlet 3"]


def test_a_day_range_that_runs_backwards_is_a_misprint_flagged_against_the_others():
    right = "عقدت الجولة الحادية والثلاثين من محادثات أستانا حول سوريا يومي 14 و15 نيسان 2026."
    misprint = "عقدت الجولة الحادية والثلاثين من محادثات أستانا حول سوريا يومي 14-5 نيسان 2026."
    facts = _facts([(right, "2026-04-16")] * 3 + [(misprint, "2026-04-16")])
    assert facts[3].get("dates")[0].note == "reversed day range (14-5)"
    v = next(v for v in judge_slots(facts, KB) if v.slot == "dates")
    assert v.status is Status.CONFLICT and [x.outlet for x in v.dissent] == ["Outlet 3"]


def test_an_outlet_that_names_the_rename_itself_is_no_naming_conflict():
    named = "The 19th round of the Astana talks on Syria took place in Nur-Sultan, which was renamed Astana in September."
    arabic = "انطلقت الجولة التاسعة عشرة من محادثات أستانا في نور سلطان التي استعادت اسمها أستانا."
    plain = "The 19th round of the Astana talks on Syria took place in Nur-Sultan on 22-23 November."
    for text, status in [(named, "renamed"), (arabic, "renamed"), (plain, "outdated")]:
        f = extract_facts(article(text, "2022-11-23"), KB)
        assert [v.name_status for v in f.get("venue")] == [status], text
    facts = _facts([(named, "2022-11-23"), (arabic, "2022-11-23")], round_no=19)
    v = next(v for v in judge_slots(facts, KB) if v.slot == "venue")
    assert v.status is not Status.CONFLICT and not v.dissent


def test_a_next_round_in_another_venue_is_still_open_and_dated_by_the_half_year():
    text = ("اختتمت الجولة العشرون من محادثات أستانا، واتفقت الدول الضامنة على عقد الجولة المقبلة في مكان آخر خلال "
            "النصف الثاني من العام.")
    f = extract_facts(article(text, "2023-06-21"), KB)
    assert {v.key: v.value for v in f.get("next_round")} == {"round": "21", "when": "2023-H2", "where": "to be decided"}


def test_venue_from_a_statement_header_and_a_meeting_after_another_body_is_named():
    header = ("Joint statement by Iran, Russia and Turkey on the International Meeting on Syria, Sochi, July 30-31, "
              "2018.")
    f = extract_facts(article(header, "2018-07-31"), KB)
    assert [v.value for v in f.get("venue")] == ["Sochi"]
    after_body = ("The guarantors made no progress on forming the constitutional committee at a meeting in the Kazakh "
                  "capital Astana, the eleventh round of the Astana talks.")
    f = extract_facts(article(after_body, "2018-11-29"), KB)
    assert "Astana" in [v.value for v in f.get("venue")]
    committee = ("On the sidelines of the eleventh round of the Astana talks, the envoy spoke of a meeting of the "
                 "constitutional committee in Geneva.")
    assert not extract_facts(article(committee, "2018-11-29"), KB).get("venue")


def test_a_future_verb_of_holding_dates_the_round():
    text = ("أكد رئيس وفد المعارضة مشاركتها في الجولة 16 من محادثات أستانا، التي ستعقد يومي السابع والثامن من شهر "
            "تموز في العاصمة الكازاخية.")
    f = extract_facts(article(text, "2021-07-04"), KB)
    assert [v.value for v in f.get("dates")] == ["2021-07-07/2021-07-08"]


def test_a_new_statement_clause_ends_another_bodys_reach():
    text = ("وأعلن الوزير عقد الجولة الحادية عشرة من محادثات أستانا والاجتماع المقبل لفريق العمل المعني بالمعتقلين، "
            "لافتا إلى أن المشاركين هم الدول الضامنة والمراقبون الأمم المتحدة والأردن.")
    f = extract_facts(article(text, "2018-11-27"), KB)
    assert {v.key for v in f.get("observers")} == {"UN", "Jordan"}


def test_heads_after_a_title_apposition_an_ellipsis_with_a_dash_and_the_delegation_of_the_sentence_before():
    text = ("At the ninth round of the Astana talks, Bashar al-Jaafari, Syria's envoy to the UN and leader of the "
            "government delegation, spoke of progress. "
            "Damascus is represented by Bashar al-Jaafari, while the Syrian opposition - by Ahmad Toma. "
            "وصل الوفد الإيراني إلى أستانا للمشاركة في الجولة التاسعة من محادثات أستانا. "
            "ويترأس الوفد كبير مساعدي وزير الخارجية حسين جابري أنصاري.")
    f = extract_facts(article(text, "2018-05-14"), KB)
    got = {(v.key, v.value, v.sentence_id) for v in f.get("heads")}
    assert ("Syrian government", "Bashar al-Jaafari", "t:0") in got
    assert ("Syrian opposition", "Ahmad Toma", "t:1") in got
    assert ("Iran", "Hossein Jaberi Ansari", "t:3") in got


def test_a_day_counted_from_the_page_date_one_day_off_is_not_an_error():
    # written the evening the round closed, dated the next morning: "today" is one day off
    late = "كرر المشاركون في الجولة الثانية عشرة من محادثات أستانا مواقفهم في الجلسة التي اختتمت اليوم."
    right = "The twelfth round of the Astana talks was held in Nur-Sultan on 25-26 April 2019."
    facts = _facts([(right, "2019-04-26")] * 2 + [(late, "2019-04-27")], round_no=12)
    v = next(v for v in judge_slots(facts, KB) if v.slot == "dates")
    assert v.status is not Status.CONFLICT and not v.dissent
    # a talk "yesterday" beside the written opening day does not stretch it
    text = ("بدأت صباح اليوم الثلاثاء 14 آذار الجولة الثالثة من محادثات أستانا، وأجرى الوفد أمس مباحثات مع الوفد "
            "الروسي حول جدول أعمال الجولة.")
    f = extract_facts(article(text, "2017-03-14"), KB)
    assert REGISTRY["dates"].representative(f.get("dates"))[0].value == "2017-03-14"


def test_a_weekday_expected_ahead_and_a_meeting_to_come_in_another_city():
    text = ("وقالت الخارجية الكازاخية يوم الأحد، إنها تتوقع انتهاء الجولة الأولى من محادثات أستانا بحلول ظهر الثلاثاء. "
            "توصل المشاركون في الجولة الأولى من محادثات أستانا إلى اتفاق، فيما سيجتمع الطرفان بمدينة سوتشي الشهر المقبل.")
    f = extract_facts(article(text, "2017-01-23"), KB)
    assert [v.value for v in f.get("dates")] == ["2017-01-24"]
    assert not f.get("venue")


def test_the_un_envoy_absent_with_a_prefix_or_standing_in_through_a_representative_is_not_there():
    absent = ("انطلقت في العاصمة الكازاخية نور سلطان الجولة 13 من محادثات أستانا بغياب المبعوث الأممي إلى سوريا "
              "غير بيدرسون.")
    office = ("The thirteenth round of the Astana talks met in Nur-Sultan with delegates from the guarantors and a "
              "representative of the UN special envoy for Syria, Geir Pedersen.")
    himself = ("The thirteenth round of the Astana talks met in Nur-Sultan; the Special Representative of the UN "
               "Secretary-General for Syria Geir Pedersen took part.")
    assert not extract_facts(article(absent, "2019-08-02"), KB).get("un")
    assert not extract_facts(article(office, "2019-08-02"), KB).get("un")
    assert [v.value for v in extract_facts(article(himself, "2019-08-02"), KB).get("un")] == ["Geir Pedersen"]


def test_next_round_forms_of_a_second_batch():
    cases = [
        # "للجولة القادمة" (the article joined to the preposition) and days with the article ("ال3 و ال 4")
        ("قال المسؤول في ختام الجولة الثالثة من محادثات أستانا إن أحدا لا يضمن حضور المعارضة للجولة القادمة "
         "المقررة في ال3 و ال 4 من مايو المقبل.", "2017-03-16", {"round": "4", "when": "2017-05-03/2017-05-04"}),
        # the Levantine month without its article, and "future talks"
        ("اختتمت الجولة السابعة من محادثات أستانا أمس وتم الاتفاق على عقد الجولة المقبلة في كانون أول المقبل.",
         "2017-11-01", {"round": "8", "when": "2017-12"}),
        ("The seventh round of the Astana talks closed; future talks are scheduled to be held in mid-December.",
         "2017-10-31", {"round": "8", "when": "2017-12"}),
        # the own round's opening day later in the sentence does not cancel the announcement
        ("وستعقد الجولة الخامسة عشرة من المباحثات في شهر آذار 2020 بحسب ما جاء في ختام الجولة الرابعة عشرة من "
         "محادثات أستانا التي انطلقت يوم أمس.", "2019-12-11", {"round": "15", "when": "2020-03"}),
        # another process's next round
        ("وبحث الوزيران نتائج الجولة السادسة من محادثات أستانا والتحضير للجولة المقبلة من العملية السياسية في جنيف.",
         "2017-09-17", {}),
    ]
    for text, published, want in cases:
        f = extract_facts(article(text, published), KB)
        got = {v.key: v.value for v in f.get("next_round")}
        assert got == want, (text, got)


def test_chairing_a_meeting_is_not_leading_a_delegation_and_short_spellings_of_known_heads():
    chair = ("وقال مكتب المبعوث إنه يشارك في الجولة الحادية عشرة من محادثات أستانا وسوف يترأس الاجتماع رفيع المستوى "
             "لممثلي الدول الضامنة روسيا وتركيا وإيران.")
    assert not extract_facts(article(chair, "2018-11-27"), KB).get("heads")
    short = "وفي الجولة الثالثة عشرة من محادثات أستانا ترأس الوفد الإيراني علي عسكر حاجي."
    assert [v.value for v in extract_facts(article(short, "2019-08-01"), KB).get("heads")] == ["Ali Asghar Khaji"]


def test_a_statements_date_leading_its_clause_and_an_experts_meeting_the_day_before():
    text = ("On July 2, the Russian defence ministry reported a prisoner exchange within the Astana format. "
            "The fifth round of the Astana talks began in Astana on July 4. On the eve, on July 3, several meetings "
            "took place at the expert level.")
    f = extract_facts(article(text, "2017-07-05"), KB)
    assert REGISTRY["dates"].representative(f.get("dates"))[0].value == "2017-07-04"


def test_venue_after_a_possessive_an_arrival_with_a_prefix_and_a_city_that_witnesses_the_round():
    for text, published in [
            ("The Syria peace talks in Kazakhstan's Astana, the second round, were concluded without a final "
             "statement.", "2017-02-16"),
            ("تعود أنظار السوريين للتوجه إلى العاصمة الكازاخية، حيث ينطلق مؤتمر أستانة 8 الخميس.", "2017-12-20"),
            ("تشهد العاصمة الكازاخية نور سلطان في 8 تموز انعقاد الجولة 16 من مسار أستانا.", "2021-07-06")]:
        f = extract_facts(article(text, published), KB)
        assert "Astana" in {v.value for v in f.get("venue")}, text


def test_in_a_preview_observers_invited_to_the_next_round_are_the_own_rounds():
    text = ("قال وزير الخارجية الكازاخي إن بلاده وجهت دعوة لممثلي الأمم المتحدة والأردن للمشاركة كمراقبين في الجولة "
            "القادمة من مفاوضات أستانا المزمع عقدها نهاية الشهر الجاري.")
    preview = extract_facts(article(text, "2018-11-10"), KB)
    assert preview.event.round == 11 and {v.key for v in preview.get("observers")} == {"UN", "Jordan"}
    after = ("اختتمت الجولة الحادية عشرة من محادثات أستانا، ووجهت الدول الضامنة دعوة للعراق للمشاركة كمراقب في "
             "الجولة القادمة.")
    assert not extract_facts(article(after, "2018-11-29"), KB).get("observers")


def test_an_unknown_family_name_with_the_article_is_part_of_the_name():
    text = "At the 22nd round of the Astana talks the Syrian opposition delegation was headed by Yasser al-Farhan."
    f = extract_facts(article(text, "2024-11-11"), KB)
    assert [v.printed for v in f.get("heads")] == ["Yasser al-Farhan"]


def test_a_sentence_counting_many_rounds_is_history():
    text = ("انطلقت اليوم الجولة الثانية عشرة من محادثات أستانا في العاصمة الكازاخية. "
            "واحتضنت العاصمة الكازاخية جولات عديدة من مباحثات أستانا، إذ تعمل روسيا مع المبعوث الأممي غير بيدرسون "
            "على تشكيل اللجنة الدستورية.")
    f = extract_facts(article(text, "2019-04-25"), KB)
    assert not f.get("un")


def test_an_envoy_who_visited_another_city_is_not_at_the_round():
    text = ("At the 13th round of the Astana talks the Syrian delegation said it had agreed with the UN on the "
            "matter, which Pedersen, who visited Damascus recently, will pass on to the other parties.")
    assert not extract_facts(article(text, "2019-08-02"), KB).get("un")


def test_a_lone_preview_departing_from_the_calendar_is_a_superseded_plan():
    text = "A date for the 13th round of the Astana talks, slated for July, has not been set yet, the adviser said."
    facts = _facts([(text, "2019-06-13")], round_no=13)
    v = next(v for v in judge_slots(facts, KB) if v.slot == "dates")
    assert v.status is Status.SUPERSEDED and not v.dissent


def test_dates_of_a_bracketed_dateline_a_bombing_and_a_ceasefire_are_not_the_rounds():
    for text, published, round_no in [
            ("MOSCOW (Agency News / Sputnik - 24th November, 2018) The opposition will attend the eleventh round of "
             "the Astana talks.", "2018-11-24", 11),
            ("وقدمت الخارجية تعازيها بضحايا تفجيرات دمشق يوم السبت 11 آذار في بداية الجولة الثالثة من محادثات أستانة.",
             "2017-03-14", 3),
            ("وأهم ما نتج عن الجولة الثانية من محادثات أستانا آلية لمراقبة وقف إطلاق النار الذي دخل حيز التنفيذ في "
             "الثلاثين من كانون الأول.", "2017-02-17", 2)]:
        f = extract_facts(article(text, published), KB)
        assert f.event.round == round_no and not f.get("dates"), text
    ended = "The seventh round of the Astana talks ended in Astana yesterday (31 October) with a deal."
    assert [v.value for v in extract_facts(article(ended, "2017-11-01"), KB).get("dates")] == ["2017-10-31"]


def test_arabic_words_after_a_trigger_are_a_name_only_with_a_given_name_or_a_title():
    text = ("وتنطلق الجولة السادسة عشرة من محادثات أستانا برئاسة الوفد الحكومي السوري، سيدوم يومين. "
            "وترأس وفد المعارضة في الجولة السادسة عشرة من محادثات أستانا العميد فاتح حسون. "
            "وترأس الوفد التركي في الجولة السادسة عشرة من محادثات أستانا نائب وزير الخارجية سادات أونال.")
    f = extract_facts(article(text, "2021-07-07"), KB)
    heads = {v.key: v.printed for v in f.get("heads")}
    assert heads.get("Syrian opposition") == "فاتح حسون" and "Syrian government" not in heads
    assert heads.get("Turkey") == "سادات أونال"


def test_a_working_meeting_announced_is_not_the_next_round():
    text = ("واختتمت الجولة الخامسة من محادثات أستانا، ومن المقرر أن يعقد اجتماع عمل لممثلين من روسيا وإيران وتركيا "
            "في طهران مطلع آب.")
    assert not extract_facts(article(text, "2017-07-05"), KB).get("next_round")


def test_an_envoy_forced_not_to_attend_or_speaking_during_a_geneva_round_is_not_at_the_round():
    absent = ("وقالت الخارجية الكازاخستانية إن المبعوث الخاص للأمين العام للأمم المتحدة غير بيدرسون سيضطر لعدم حضور "
              "الجولة الثالثة عشرة من محادثات أستانا لأسباب صحية.")
    geneva = ("وكان المبعوث الدولي إلى سوريا ستيفان دي ميستورا قد أعلن خلال جولة جنيف الرابعة أن الجولة الثالثة من "
              "محادثات أستانا ستسبق الجولة الخامسة في جنيف.")
    assert not extract_facts(article(absent, "2019-07-31"), KB).get("un")
    assert not extract_facts(article(geneva, "2017-03-06"), KB).get("un")


def test_a_deadline_an_experts_meeting_and_a_year_written_after_its_word():
    deadline = ("The delegation wants the third round of the Astana talks to start after the ceasefire in Al Waer, "
                "the deadline for which has been set for March 20.")
    assert not extract_facts(article(deadline, "2017-03-10"), KB).get("dates")
    experts = ("ذكر البيان الختامي للجولة الرابعة من محادثات أستانة أن الجولة القادمة ستعقد منتصف تموز المقبل، وقبلها "
               "بأسبوعين سيتم عقد اجتماع للخبراء في العاصمة التركية أنقرة.")
    f = extract_facts(article(experts, "2017-05-04"), KB)
    assert "Ankara" not in {v.value for v in f.get("next_round", "where")}
    year = ("وقررت الدول الضامنة في ختام الجولة الخامسة عشرة من محادثات أستانا عقد الجولة السادسة عشرة في نور سلطان "
            "منتصف العام الجاري 2020.")
    f = extract_facts(article(year, "2021-02-17"), KB)
    assert [v.value for v in f.get("next_round", "when")] == ["2020"]


def test_hashtag_names_so_far_and_an_envoy_quoted_as_a_source():
    hashtags = ("وفي الجولة الحادية عشرة من محادثات أستانا سيترأس وفد المعارضة السورية (#أحمد_طعمة)، ومن جهة النظام "
                "سيكون (#بشار_الجعفري) رئيسا للوفد.")
    f = extract_facts(article(hashtags, "2018-11-27"), KB)
    assert f.get("heads", "Syrian opposition")[0].value == "Ahmad Toma"
    so_far = ("اتهم رئيس وفد الحكومة السورية إلى الجولة الأولى من محادثات أستانة الدكتور بشار الجعفري المعارضة بعرقلة "
              "المحادثات، قائلا إن جدول الأعمال لا يزال حتى الآن غير جاهز.")
    f = extract_facts(article(so_far, "2017-01-24"), KB)
    assert [v.value for v in f.get("heads")] == ["Bashar al-Jaafari"]
    quoted = ("والهدف في الجولة الخامسة من محادثات أستانا آلية لمراقبة اتفاق مكن حتى الآن بتأكيد المبعوث الأممي "
              "ستيفان دي ميستورا من تخفيف حدة العنف.")
    assert not extract_facts(article(quoted, "2017-07-04"), KB).get("un")


def test_the_chief_negotiator_of_a_party_heads_it():
    text = ("On the eighth round of the Astana talks, chief Russian negotiator Aleksandr Lavrentyev told reporters "
            "that the congress proposal was discussed.")
    f = extract_facts(article(text, "2017-12-22"), KB)
    assert [(v.key, v.value) for v in f.get("heads")] == [("Russia", "Alexander Lavrentiev")]


def test_a_next_round_announced_for_a_month_it_did_not_meet_in_is_a_plan_that_changed():
    texts = [("The guarantors agreed at the twelfth round of the Astana talks to hold the next meeting in July.",
              "2019-04-26"),
             ("At the close of the twelfth round of the Astana talks, the sides said the next round would be held "
              "in July.", "2019-04-26")]
    facts = [extract_facts(article(t, p, outlet=f"Outlet {i}", aid=f"o{i}"), KB) for i, (t, p) in enumerate(texts)]
    v = next(v for v in judge_slots(facts, KB) if v.slot == "next_round" and v.key == "when")
    # round 13 met on 1-2 August 2019: superseded by the calendar, and nobody is flagged
    assert (v.status, v.label, v.consensus_count) == (Status.SUPERSEDED, Label.PLAN_VS_OUTCOME, 2)
    assert "2019-08-01" in v.reason and not v.dissent
    # announced for August, it is no plan that changed
    facts = [extract_facts(article(t.replace("July", "August"), p, outlet=f"Outlet {i}", aid=f"o{i}"), KB)
             for i, (t, p) in enumerate(texts)]
    v = next(v for v in judge_slots(facts, KB) if v.slot == "next_round" and v.key == "when")
    assert v.status is Status.AGREE and v.label is None


def test_more_ways_to_announce_the_next_round():
    text = ("The seventh round of the Astana talks ended on Tuesday. Diplomats of the three guarantors will next meet "
            "in Astana in the second half of December, the statement said.")
    f = extract_facts(article(text, "2017-10-31"), KB)
    # ("the second half of December" is read as December: a half of a month is not a time the parser reads)
    assert {v.key: v.value for v in f.get("next_round", about=None)} == {"round": "8", "when": "2017-12",
                                                                        "where": "Astana"}
    text = ("اختتمت الجولة العاشرة من محادثات أستانا في سوتشي. واتفقت الأطراف المشاركة في الاجتماع على عقد اجتماع في "
            "شهر تشرين الأول القادم، دون تحديد مكانه.")
    f = extract_facts(article(text, "2018-07-31"), KB)
    assert [v.value for v in f.get("next_round", "when")] == ["2018-10"]
    assert [v.value for v in f.get("next_round", "where")] == ["to be decided"]
    # said in May, then dated "May 3-4": the article's next round is its narrowest statement
    text = ("At the close of the third round of the Astana talks the sides agreed to conduct another meeting in Astana "
            "in May. A delegate said the agreement to conduct another meeting in Astana on May 3-4 was reached.")
    f = extract_facts(article(text, "2017-03-15"), KB)
    [when] = REGISTRY["next_round"].representative(f.get("next_round", "when"))
    assert when.value == "2017-05-03/2017-05-04"


def test_a_weekday_that_contradicts_its_own_date_is_the_outlets_misprint():
    right = "The fourth round of the Astana talks on Syria opened in Astana on 3 May 2017 and closed on 4 May."
    torn = "The fourth round of the Astana talks on Syria opened in Astana on Thursday, 3 May 2017."
    facts = _facts([(right, "2017-05-04"), (right, "2017-05-04"), (torn, "2017-05-04")], round_no=4)
    v = next(v for v in judge_slots(facts, KB) if v.slot == "dates")
    assert [(x.outlet, x.label) for x in v.dissent] == [("Outlet 2", Label.DIFFERENT_DATES)]
    assert "was a Wednesday" in v.reason
    # the same weekday with its right date is no misprint
    fine = "The fourth round of the Astana talks on Syria opened in Astana on Wednesday, 3 May 2017."
    facts = _facts([(right, "2017-05-04"), (fine, "2017-05-04")], round_no=4)
    assert next(v for v in judge_slots(facts, KB) if v.slot == "dates").status is Status.AGREE


def test_an_envoy_speaking_in_the_rounds_city_is_there():
    text = ("اختتمت الجولة الحادية عشرة من محادثات أستانا. واعتبر مبعوث الأمم المتحدة الخاص إلى سوريا ستافان دي "
            "ميستورا أمس في أستانة أنه لم يتم تسجيل أي تقدم ملموس نحو صياغة دستور جديد.")
    f = extract_facts(article(text, "2018-11-30"), KB)
    assert f.event.round == 11
    assert [v.value for v in f.get("un")] == ["Staffan de Mistura"]
    # in another city, he is not at the round
    text = text.replace("في أستانة", "في جنيف")
    assert not extract_facts(article(text, "2018-11-30"), KB).get("un")


def test_astana_between_its_two_eras_is_the_old_name_and_an_outlets_worst_name_is_the_one_compared():
    astana = KB.places["Astana"]
    assert astana.name_status("Astana", date(2019, 12, 10))[0] == "outdated"
    assert "renamed only" in astana.name_status("Astana", date(2019, 4, 25))[1]
    assert astana.name_status("Astana", date(2024, 11, 11))[0] == "valid"
    assert astana.name_status("Nur-Sultan", date(2024, 11, 11))[0] == "outdated"
    # a dateline with the name of the day, and the old name in the body: the old name is what is compared
    torn = ("NUR-SULTAN, December 11. The guarantors issued a joint statement after the 14th round of the "
            "Astana talks held in Kazakhstan's capital of Astana.")
    right = "The 14th round of the Astana talks on Syria was held in Nur-Sultan on December 10-11."
    facts = _facts([(right, "2019-12-11"), (right, "2019-12-11"), (torn, "2019-12-11")], round_no=14)
    v = next(v for v in judge_slots(facts, KB) if v.slot == "venue")
    assert [(x.outlet, x.label) for x in v.dissent] == [("Outlet 2", Label.NAMING_CONFLICT)]


def test_a_day_range_then_in_the_month_of():
    from muqabala.timeexpr import parse_times
    assert [t.label for t in parse_times("ستعقد يومي 4 و5 في شهر تموز المقبل في العاصمة أستانا", "2017-06-20")] == \
        ["2017-07-04/2017-07-05"]


def test_more_venue_forms_and_or_only_between_places():
    cases = [
        ("Officials from Turkey, Russia, and Iran met yesterday in the newly renamed Kazakh capital Nur-Sultan "
         "for the 12th round of the Astana talks, or so the ministry said.", "2019-04-26", "Nur-Sultan"),
        ("وانتهت الجولة الرابعة من المحادثات الدولية بشأن سوريا، التي استضافتها العاصمة الكازاخستانية لمدة يومين.",
         "2017-05-05", "العاصمة الكازاخستانية"),
        ("انطلقت في كازاخستان أمس الجولة السابعة من محادثات أستانا.", "2017-10-31", "كازاخستان"),
        # delegations arriving: the sentence need not name the talks
        ("تنطلق اليوم أعمال الجولة الخامسة من محادثات أستانا حول سورية. ووفقاً للمكتب الصحفي، فقد وصل إلى أستانا وفد سورية ووفد روسيا.",
         "2017-07-04", "أستانا"),
    ]
    for text, published, printed in cases:
        f = extract_facts(article(text, published), KB)
        assert [(v.value, v.printed) for v in REGISTRY["venue"].representative(f.get("venue"))] == [
            ("Astana", printed)], text
    # places joined by "or" are options, not the venue
    text = "The 12th round of the Astana talks could next meet in Moscow, Ankara or Tehran, a diplomat said."
    assert not extract_facts(article(text, "2019-04-26"), KB).get("venue")


def test_capitals_in_a_headline_or_after_of_mark_no_name():
    text = "Kazakhstan Expects UN Special Envoy To Attend Next Astana Talks In October, Ministry Says"
    f = extract_facts(article(text + ". The 14th round of the Astana talks will open on 10 December.", "2019-11-20"),
                      KB)
    assert not f.get("un")
    text = ("The opposition's delegation to the first round of the Astana talks will be headed by the senior member in "
            "Jaysh al-Islam, Muhammad Alloush.")
    f = extract_facts(article(text, "2017-01-21"), KB)
    assert [(v.key, v.value) for v in f.get("heads")] == [("Syrian opposition", "Mohammed Alloush")]
    text = ("At the sixth round of the Astana talks, the envoy said Iraq and Lebanon will also be invited to next "
            "meetings as observers.")
    assert not extract_facts(article(text, "2017-09-15"), KB).get("observers")


def test_arrival_days_summits_and_a_name_valid_when_written():
    text = ("Delegations started arriving for the third round of the Astana negotiations on Monday. "
            "Russia's foreign minister said a planned meeting of the presidents of the three guarantor states will be "
            "held in Sochi on February 14.")
    f = extract_facts(article(text, "2017-03-14"), KB)
    assert f.event.round == 3 and not f.get("dates")
    # a preview written before the city was renamed used the name of its day
    text = "The 12th round of the Astana talks on Syria will be held in Astana in April."
    f = extract_facts(article(text, "2019-02-14"), KB)
    assert [(v.printed, v.name_status) for v in f.get("venue")] == [("Astana", "valid")]
    f = extract_facts(article(text.replace("will be", "was"), "2019-04-27"), KB)
    assert [(v.printed, v.name_status) for v in f.get("venue")] == [("Astana", "outdated")]


def test_days_of_a_month_named_relative_to_the_page():
    from muqabala.timeexpr import parse_times
    assert [t.label for t in parse_times("الموعد المفترض لانعقاد المحادثات هو 13 و 14 الشهر الجاري", "2017-03-10")] == \
        ["2017-03-13/2017-03-14"]
    assert [t.label for t in parse_times("يوم 25 من الشهر المقبل", "2019-03-20")] == ["2019-04-25"]


def test_as_soon_as_possible_says_when_not_whether():
    text = ("The sides at the 16th Astana format meeting reiterated their agreement to hold the next highest-level "
            "meeting in Iran as soon as the situation makes it possible.")
    f = extract_facts(article(text, "2021-07-08"), KB)
    assert [v.value for v in f.get("next_summit", "where")] == ["Iran"]
    text = "The sides said the next highest-level meeting could possibly be held in Iran or Russia."
    assert not extract_facts(article("The 16th Astana format meeting ended. " + text, "2021-07-08"), KB).get(
        "next_summit", "where")


def test_a_summit_on_peace_talks_is_the_round_not_a_leaders_meeting():
    text = ("The 15th senior experts meeting of the Astana format will set the agenda for the two-day Summit on Syria "
            "peace talks due to be held in Sochi.")
    assert not extract_facts(article(text, "2021-02-15"), KB).get("next_summit")


def test_glued_names_a_body_named_first_and_talks_to_the_press():
    from muqabala.names import canonical_person
    assert canonical_person("سورياستيفان دي مستوراإلى", KB) == ("Staffan de Mistura", "glued")
    # the fifth round of the constitutional committee's meetings, in Geneva, is the committee's
    text = "بدء الجولة الخامسة من اجتماعات «لجنة مناقشة الدستور السورية» في جنيف"
    from muqabala.events import assign_events
    ev = assign_events(article(text, "2021-01-25"), KB)[0]
    assert not ev.assigned
    # "talks to press" is a verb: a caption's date is no round's
    text = ("The eighth round of the Astana talks ended. The envoy talks to press in Damascus, Syria December 23, "
            "2017.")
    f = extract_facts(article(text, "2017-12-23"), KB)
    assert all(v.start != date(2017, 12, 23) for v in f.get("dates", about=None))


def test_the_next_round_a_previous_round_announced_is_the_own_one():
    text = ("The tenth round of the Astana talks opened in Sochi on Monday. The ninth round was held in Astana on 14-15 "
            "May, where the guarantors announced the next round in Sochi in July.")
    f = extract_facts(article(text, "2018-07-30"), KB)
    assert f.event.round == 10 and not f.get("next_round", "when")
    # a page with no date: a next round "in July" when the own round met in July is that round
    text = "The tenth round of the Astana talks on Syria: the next round will be held in Sochi in July."
    assert not extract_facts(article(text, None), KB).get("next_round", "when")
