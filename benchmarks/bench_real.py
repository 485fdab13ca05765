"""The whole judgment on real coverage: event assignment, slots, disagreements.

    python benchmarks/bench_real.py --corpus ~/muqabala-real --gold eval/real/gold.toml [--show-errors]

The corpus folder is rebuilt from eval/real/sources.tsv (see eval/real/README.md) and
is never committed. Prints, dated:
  - rounds right / none / wrong (Astana articles), and other series put in an Astana round;
  - slot precision and recall per slot type;
  - the gold disagreements found with the right class, and the culprits found;
  - every conflict the gold does not list (false alarms), listed.
The report is judged without claim alignment, so no model is loaded.
"""
from __future__ import annotations

import argparse
import sys
import time
import tomllib
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from muqabala.judge import judge_slots  # noqa: E402
from muqabala.knowledge import load_knowledge  # noqa: E402
from muqabala.names import same_person  # noqa: E402
from muqabala.normalize import fold_key  # noqa: E402
from muqabala.pipeline import load_corpus  # noqa: E402
from muqabala.report import group_by_event  # noqa: E402
from muqabala.slots import REGISTRY, extract_facts  # noqa: E402
from muqabala.slots.dates import dates_value  # noqa: E402

SERIES_OF = {"astana": "astana-syria", "geneva": "geneva-syria"}
# gold disagreement classes -> the labels muqabala gives
CLASS_LABELS = {
    "outdated_name": {"naming_conflict", "outdated_name"}, "wrong_month": {"wrong_month"},
    "wrong_year": {"wrong_year"}, "days_off": {"days_off_by_one", "different_dates"},
    "plan_vs_outcome": {"plan_vs_outcome"}, "different_person": {"different_person"},
    "title_difference": {"title_difference"}, "next_round_vs_summit": {"next_round_vs_summit"},
    "different_venue": {"different_venue"},
}


def venue_label(printed: str, key: str, kb) -> str:
    """'Nur-Sultan' when the printed name is that era's, else the place key."""
    place = kb.places.get(key)
    if place and key == "Astana":
        for era in place.eras:
            if fold_key(printed) in {fold_key(n) for n in era.names} and any("Nur" in n for n in era.names):
                return "Nur-Sultan"
    return key


def resolved_capital(round_no: int, kb) -> str:
    """'The Kazakh capital' stands for the city's name on the round's first day."""
    known = kb.series["astana-syria"].round(round_no)
    name = kb.places["Astana"].name_on(known.start) if known else "Astana"
    return venue_label(name, "Astana", kb)


def gold_venue(value: str, kb, round_no: int = 0) -> str:
    if "kazakh" in value.lower() or "capital" in value.lower():
        return resolved_capital(round_no, kb)
    found = kb.find(value, "place")
    if not found:
        return "Astana" if "kazakh" in value.lower() else value
    return venue_label(found[0].printed, found[0].key, kb)


def _interval(text: str) -> tuple[date, date] | None:
    parts = text.strip().split()[0].split("/")
    try:
        def bounds(p):
            bits = [int(x) for x in p.split("-")]
            if len(bits) == 3:
                return date(*bits), date(*bits)
            if len(bits) == 2:
                nxt = date(bits[0] + (bits[1] == 12), bits[1] % 12 + 1, 1)
                return date(bits[0], bits[1], 1), date.fromordinal(nxt.toordinal() - 1)
            return date(bits[0], 1, 1), date(bits[0], 12, 31)
        a, b = bounds(parts[0]), bounds(parts[-1])
        return a[0], b[1]
    except (ValueError, IndexError):
        return None


def predicted_slots(facts, kb) -> dict[str, set]:
    """The article's own-round slot values, in the gold's terms."""
    out: dict[str, set] = defaultdict(set)
    for v in REGISTRY["venue"].representative(facts.get("venue")):  # one venue per article, as the judge takes it
        out["venue"].add(resolved_capital(facts.event.round, kb) if v.name_status == "descriptive"
                         else venue_label(v.printed, v.value, kb))
    d = dates_value(facts)
    if d is not None and d.start:
        out["dates"].add((d.start, d.end))
    for v in facts.get("heads"):
        if v.key != "UN":  # the gold records the UN under `un`
            out["heads"].add((v.key, v.value, v.printed))
    for v in REGISTRY["un"].representative(facts.get("un")):
        out["un"].add((v.value, v.printed))
    for v in facts.get("observers"):
        out["observers"].add("United Nations" if v.key == "UN" else v.key)
    for slot in ("next_round", "next_summit"):
        # one value per key and article, as the judge takes it (a city wins over its country)
        for v in REGISTRY[slot].representative(facts.get(slot, "when")):
            if v.start:
                out[slot].add(("when", v.start, v.end))
        for v in REGISTRY[slot].representative(facts.get(slot, "where")):
            if v.value == "to be decided":
                continue  # "venue to be decided" names no place (and never conflicts)
            place = kb.places.get(v.value)
            if place and place.era_of(v.printed) and all(e.descriptive for e in place.era_of(v.printed)) \
                    and facts.event and facts.event.round:
                # "the Kazakh capital": the city's name when the next round meets
                out[slot].add(("where", resolved_capital(facts.event.round + 1, kb)))
            else:
                out[slot].add(("where", venue_label(v.printed, v.value, kb)))
    return out


def gold_slots(g: dict, kb) -> dict[str, set]:
    out: dict[str, set] = defaultdict(set)
    if "venue" in g:
        out["venue"].add(gold_venue(g["venue"], kb, int(g.get("round", 0))))
    if "dates" in g and (iv := _interval(g["dates"])):
        out["dates"].add(iv)
    for party, person in (g.get("heads") or {}).items():
        out["heads"].add((party, person))
    if g.get("un"):
        out["un"].add(g["un"])
    for o in g.get("observers") or []:
        out["observers"].add(o)
    for slot in ("next_round", "next_summit"):
        if g.get(slot):
            bits = g[slot].split()
            if bits and (iv := _interval(bits[0])):
                out[slot].add(("when",) + iv)
            place = " ".join(b for b in bits if not b[:1].isdigit())
            if place:
                out[slot].add(("where", gold_venue(place, kb)))
    return out


def _person_match(pred: tuple, gold_person: str, kb) -> bool:
    _, key, printed = pred
    if fold_key(key) == fold_key(gold_person):
        return True
    same, _ = same_person(printed, gold_person, kb)
    return bool(same)


def match(slot: str, pred: set, gold: set, kb) -> tuple[int, int]:
    """(true positives among pred, gold values found)."""
    if slot == "heads":
        tp = sum(1 for p in pred if any(p[0] == g[0] and _person_match(p, g[1], kb) for g in gold))
        found = sum(1 for g in gold if any(p[0] == g[0] and _person_match(p, g[1], kb) for p in pred))
        return tp, found
    if slot == "un":
        tp = sum(1 for p in pred if any(_person_match((None, p[0], p[1]), g, kb) for g in gold))
        found = sum(1 for g in gold if any(_person_match((None, p[0], p[1]), g, kb) for p in pred))
        return tp, found
    if slot in ("next_round", "next_summit"):
        def ok(p, g):
            if p[0] != g[0]:
                return False
            if p[0] == "where":
                # "in Kazakhstan" for a round in its capital: the country is right, if less precise
                city = kb.places.get("Astana" if g[1] == "Nur-Sultan" else g[1])
                return p[1] == g[1] or bool(city and city.country == p[1])
            return g[1] <= p[1] and p[2] <= g[2]  # the predicted interval inside the gold one
        tp = sum(1 for p in pred if any(ok(p, g) for g in gold))
        return tp, sum(1 for g in gold if any(ok(p, g) for p in pred))
    if slot == "dates":
        # as the judge compares dates: equal, or one within the other (opening day of a two-day round)
        def ok(p, g):
            return (g[0] <= p[0] and p[1] <= g[1]) or (p[0] <= g[0] and g[1] <= p[1])
        tp = sum(1 for p in pred if any(ok(p, g) for g in gold))
        return tp, sum(1 for g in gold if any(ok(p, g) for p in pred))
    return len(pred & gold), len(pred & gold)


def _gold_key_values(g: dict, kb) -> list[tuple[str, str, object]]:
    """(slot, key, value) the gold article states about its own round, keyed as the judge keys them."""
    out = []
    rnd = int(g.get("round", 0))
    if "venue" in g:
        out.append(("venue", "", "Astana" if gold_venue(g["venue"], kb, rnd) == "Nur-Sultan"
                    else gold_venue(g["venue"], kb, rnd)))
    if "dates" in g and (iv := _interval(g["dates"])):
        out.append(("dates", "", iv))
    for party, person in (g.get("heads") or {}).items():
        out.append(("heads", party, person))
    if g.get("un"):
        out.append(("un", "", g["un"]))
    for o in g.get("observers") or []:
        out.append(("observers",) + (("UN", "UN") if o == "United Nations" else (o, o)))
    for x in gold_slots(g, kb).get("next_round", set()):
        out.append(("next_round", x[0], x[1:] if x[0] == "when" else x[1]))  # ("when", start, end) / ("where", place)
    return out


def _same(slot: str, a, b, kb) -> bool:
    """Two gold values, or a gold value and a verdict's consensus, name the same fact."""
    if slot == "dates" or (slot == "next_round" and isinstance(a, tuple)):
        if not (isinstance(a, tuple) and isinstance(b, tuple)):
            return False
        return (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])
    if slot in ("heads", "un"):
        return fold_key(a) == fold_key(b) or bool(same_person(a, b, kb)[0])
    if slot == "next_round":
        return a == b or {a, b} <= {"Astana", "Nur-Sultan"}
    return a == b


def round_verdicts(by_id: dict, kinds: dict, events, kb) -> None:
    """Expected verdicts: every round, slot and key that two gold articles or more state alike. A verdict is
    given when the judge, on the round's articles, names that value as its consensus with two outlets or more."""
    gold_values: dict[tuple, list] = defaultdict(list)
    for aid, g in by_id.items():
        if g["series"] != "astana" or int(g.get("round", 0)) <= 0 or kinds.get(aid) == "passing":
            continue
        for slot, key, value in _gold_key_values(g, kb):
            gold_values[(int(g["round"]), slot, key)].append(value)
    verdicts = {}
    for ev in events:
        if ev.series == "astana-syria":
            for v in judge_slots(ev.facts, kb):
                verdicts[(ev.round, v.slot, v.key)] = v
    given, expected, misses = Counter(), Counter(), []
    for (rnd, slot, key), vals in sorted(gold_values.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2])):
        groups: list[list] = []
        for x in vals:
            home = next((gr for gr in groups if _same(slot, gr[0], x, kb)), None)
            (home.append(x) if home else groups.append([x]))
        top = max(groups, key=len)
        if len(top) < 2:
            continue
        expected[slot] += 1
        v = verdicts.get((rnd, slot, key))
        got = None
        if v is not None and v.consensus and v.consensus_count >= 2 and v.status not in ("no_majority",):
            got = _interval(v.consensus) if slot == "dates" or (slot == "next_round" and key == "when") \
                else v.consensus
        if got is not None and _same(slot, top[0], got, kb):
            given[slot] += 1
        else:
            misses.append(f"  round {rnd} {slot}{'/' + key if key else ''}: gold {top[0]} x{len(top)}; "
                          f"verdict {v.status.value + ' ' + str(v.consensus) + ' x' + str(v.consensus_count) if v else 'none'}")
    n, k = sum(expected.values()), sum(given.values())
    print(f"\nexpected verdicts (a value two gold outlets or more share) given: {k}/{n} ({100 * k / max(1, n):.0f}%)  "
          + ", ".join(f"{s} {given[s]}/{expected[s]}" for s in expected))
    for m in misses:
        print(m)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", required=True, type=Path)
    ap.add_argument("--gold", default=ROOT / "eval" / "real" / "gold.toml", type=Path)
    ap.add_argument("--show-errors", action="store_true", help="list every wrong round and slot value")
    args = ap.parse_args()
    gold = tomllib.loads(args.gold.read_text(encoding="utf-8"))
    by_id = {Path(a["file"]).stem: a for a in gold["article"]}
    kb = load_knowledge()
    t0 = time.perf_counter()
    folders = sorted(d for d in args.corpus.iterdir() if (d / "manifest.toml").is_file())
    corpus = load_corpus(folders, kb)
    facts = {a.id: extract_facts(a, kb) for a in corpus.articles}
    t_extract = time.perf_counter() - t0
    print(f"bench_real {date.today().isoformat()}: {len(corpus.articles)} articles loaded, "
          f"{sum(1 for a in corpus.articles if a.id in by_id)} in the gold; extraction {t_extract:.1f} s")

    # ---------------------------------------------------------------- rounds
    counts = Counter()
    passing = Counter()   # articles that mention a round only in passing: what they are "about" is debatable
    other = Counter()
    kinds = {}
    for line in (args.gold.parent / "sources.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) >= 7:
            kinds[Path(cols[6]).stem] = cols[5]
    errors = []
    for aid, g in by_id.items():
        f = facts.get(aid)
        if f is None:
            print(f"  missing from corpus: {aid}")
            continue
        ev = f.event
        got = (ev.series, ev.round) if ev and ev.assigned else None
        if g["series"] == "astana" and int(g.get("round", 0)) > 0:
            want = ("astana-syria", int(g["round"]))
            verdict = "right" if got == want else "none" if got is None else "wrong"
            if kinds.get(aid) == "passing":
                passing[verdict] += 1
                continue
            counts[verdict] += 1
            if verdict != "right":
                errors.append(f"  round {verdict}: {aid} want {want[1]} got {got} ({ev.reason if ev else ''})")
        else:
            want_series = SERIES_OF.get(g["series"])
            if got and got[0] == "astana-syria":
                other["in an Astana round"] += 1
                errors.append(f"  other series in Astana: {aid} ({g['series']}) got {got} ({ev.reason})")
            elif want_series and int(g.get("round", 0)) > 0:
                right = got == (want_series, int(g["round"]))
                other["own series, right round" if right else "own series, not right"] += 1
                if not right:
                    errors.append(f"  {g['series']} round: {aid} want {g['round']} got {got} ({ev.reason if ev else ''})")
            else:
                other["not in an Astana round"] += 1
    n = sum(counts.values())
    print(f"\nAstana rounds: right {counts['right']}/{n} ({100 * counts['right'] / max(1, n):.1f}%), "
          f"none {counts['none']}, wrong {counts['wrong']} ({100 * counts['wrong'] / max(1, n):.1f}%)")
    n_pass = sum(passing.values())
    print(f"  passing mentions ({n_pass}, filed under the round they mention; not in the figure above): "
          f"that round {passing['right']}, none {passing['none']}, another {passing['wrong']}")
    n_other = sum(other.values())
    print(f"Other series / no series ({n_other}): in an Astana round {other['in an Astana round']} "
          f"({100 * other['in an Astana round'] / max(1, n_other):.1f}%); Geneva right round "
          f"{other['own series, right round']}/{other['own series, right round'] + other['own series, not right']}")

    # ---------------------------------------------------------------- slots
    tp, npred, ngold, found = Counter(), Counter(), Counter(), Counter()
    tp_g, npred_g = Counter(), Counter()   # only where the gold records the slot for that article
    slot_errors = []
    for aid, g in by_id.items():
        f = facts.get(aid)
        if f is None or g["series"] != "astana" or not f.event or not f.event.assigned \
                or f.event.round != int(g.get("round", 0)):
            continue  # slots are scored where the round is right
        pred, want = predicted_slots(f, kb), gold_slots(g, kb)
        if "United Nations" not in want.get("observers", set()):
            # the gold records the UN under `un` and lists it among observers only where the text does
            pred.get("observers", set()).discard("United Nations")
        for slot in ("venue", "dates", "heads", "un", "observers", "next_round", "next_summit"):
            t, fo = match(slot, pred.get(slot, set()), want.get(slot, set()), kb)
            tp[slot] += t
            found[slot] += fo
            npred[slot] += len(pred.get(slot, set()))
            if want.get(slot):
                tp_g[slot] += t
                npred_g[slot] += len(pred.get(slot, set()))
            ngold[slot] += len(want.get(slot, set()))
            if t < len(pred.get(slot, set())) or fo < len(want.get(slot, set())):
                slot_errors.append(f"  {slot}: {aid} pred {sorted(map(str, pred.get(slot, set())))} "
                                   f"gold {sorted(map(str, want.get(slot, set())))}")
    print("\nslot         precision        recall           precision where the gold records the slot")
    for slot in ("venue", "dates", "heads", "un", "observers", "next_round", "next_summit"):
        p = tp[slot] / npred[slot] if npred[slot] else float("nan")
        r = found[slot] / ngold[slot] if ngold[slot] else float("nan")
        pg = tp_g[slot] / npred_g[slot] if npred_g[slot] else float("nan")
        print(f"{slot:<12} {p:5.2f} ({tp[slot]:>3}/{npred[slot]:<3})  {r:5.2f} ({found[slot]:>3}/{ngold[slot]:<3})  "
              f"{pg:5.2f} ({tp_g[slot]:>3}/{npred_g[slot]:<3})")

    # ---------------------------------------------------------------- verdicts
    events = group_by_event(list(facts.values()), kb)
    conflicts = []
    for ev in events:
        if ev.series != "astana-syria":
            continue
        for v in judge_slots(ev.facts, kb):
            if v.status == "conflict" or v.label in ("plan_vs_outcome", "title_difference", "outdated_name"):
                # the outlets at fault: flagged ones; for a title difference, the ones named with the odd title
                flagged = {x.article_id for x in v.values if x.flagged or (
                    v.label == "title_difference" and x.label == "title_difference")}
                # an outlet recalling an earlier round is checked under that round
                conflicts.append((v.recalled_round or ev.round, v, flagged))
    disagreements = [d for d in gold.get("disagreement", []) if d.get("series", "astana") == "astana"]
    matched_conflicts = set()
    right_class = right_culprits = 0
    print(f"\ndisagreements in the gold: {len(disagreements)}")
    for d in disagreements:
        labels = CLASS_LABELS.get(d["class"], {d["class"]})
        culprits = {Path(c).stem for c in d.get("culprit", [])}
        # each verdict answers one gold disagreement at most: the first free one of the right round, slot and
        # class, preferring one that flags exactly the gold's culprits
        free = [i for i, (rnd, v, flagged) in enumerate(conflicts) if i not in matched_conflicts
                and rnd == d["round"] and v.slot == d["slot"] and v.label in labels]
        hit = next((i for i in free if conflicts[i][2] == culprits), free[0] if free else None)
        if hit is None:
            print(f"  MISSED  round {d['round']} {d['slot']} {d['class']} {sorted(culprits)}")
            continue
        matched_conflicts.add(hit)
        right_class += 1
        flagged = conflicts[hit][2]
        ok = flagged == culprits
        right_culprits += ok
        print(f"  found   round {d['round']} {d['slot']} {d['class']}; culprits "
              f"{'right' if ok else 'WRONG'} (flagged {sorted(flagged)}, gold {sorted(culprits)})")
    print(f"found with the right class: {right_class}/{len(disagreements)}; "
          f"culprits exactly right: {right_culprits}/{len(disagreements)}")
    round_verdicts(by_id, kinds, events, kb)
    alarms = [c for i, c in enumerate(conflicts) if i not in matched_conflicts and c[1].status == "conflict"]
    print(f"\nfalse alarms (conflicts the gold does not list): {len(alarms)}")
    for rnd, v, flagged in alarms:
        print(f"  round {rnd} {v.slot}{'/' + v.key if v.key else ''} {v.label.value if v.label else ''}: {v.reason[:140]}")
    if args.show_errors:
        print("\nround errors:")
        print("\n".join(errors) or "  none")
        print("\nslot errors:")
        print("\n".join(slot_errors) or "  none")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
