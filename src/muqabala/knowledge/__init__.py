"""Domain knowledge as data: places (with the dates each name was valid),
parties, people, outlets and event series, read from the TOML files in this
folder (series/ included) and from any extra files or folders a user passes.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from ..errors import MuqabalaError
from ..normalize import fold, fold_key, fold_with_offsets

HERE = Path(__file__).parent
# Attached Arabic particles: و (and), ب (in), ل (to), ف (so), and their pairs.
PREFIX = r"(?:وب|ول|وال|فب|[وبلف])?"


@dataclass(frozen=True)
class PlaceName:
    names: tuple[str, ...]
    valid_from: date | None
    valid_until: date | None
    descriptive: bool = False      # "the Kazakh capital": the place by its role, valid under every name


@dataclass(frozen=True)
class Place:
    key: str
    kind: str
    country: str | None
    capital: str | None
    eras: tuple[PlaceName, ...]

    def era_of(self, printed: str) -> list[PlaceName]:
        key = fold_key(printed)
        return [era for era in self.eras if key in {fold_key(n) for n in era.names}]

    def name_on(self, on: date) -> str | None:
        """The place's name on a day (its last listed spelling of that era)."""
        era = next((e for e in self.eras if not e.descriptive and (e.valid_from is None or e.valid_from <= on)
                    and (e.valid_until is None or on < e.valid_until)), None)
        return era.names[-1] if era else None

    def name_status(self, printed: str, on: date) -> tuple[str, str]:
        """('valid'|'outdated'|'not yet'|'descriptive'|'unknown', reason) for a name used on a date."""
        eras = self.era_of(printed)
        if not eras:
            return "unknown", ""
        if all(e.descriptive for e in eras):
            name = self.name_on(on)
            return "descriptive", f"'{printed}' names the city by its role; it was {name} then" if name else ""
        if any((e.valid_from is None or e.valid_from <= on) and (e.valid_until is None or on < e.valid_until) for e in eras):
            return "valid", ""
        current = next((e for e in self.eras if not e.descriptive and (e.valid_from is None or e.valid_from <= on)
                        and (e.valid_until is None or on < e.valid_until)), None)
        # a name the city bore before and bears again ("Astana": until 2019, and from 2022) was the old name
        # on a day between: outdated, not a name "not yet" given
        past = [e for e in eras if e.valid_until and on >= e.valid_until]
        era = past[-1] if past else eras[-1]
        if era.valid_until and on >= era.valid_until:
            now = f"; it was {current.names[-1]} then" if current else ""
            span = f"from {era.valid_from.isoformat()} " if era.valid_from else ""
            recent = (on - era.valid_until).days
            fresh = f"; renamed only {recent} days before" if recent < 183 else ""  # context for the editor
            return "outdated", (f"'{printed}' was the city's name {span}until {era.valid_until.isoformat()}"
                                f"{now} ({on.isoformat()}){fresh}")
        return "not yet", f"'{printed}' only became the name on {era.valid_from.isoformat()}"


@dataclass(frozen=True)
class Party:
    key: str
    role: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]


@dataclass(frozen=True)
class Person:
    key: str
    names: tuple[str, ...]
    roles: tuple[str, ...]
    heads_delegations: bool = False   # has led a party's delegation to the rounds


@dataclass(frozen=True)
class Round:
    number: int
    start: date
    end: date
    venue: str | None


@dataclass(frozen=True)
class Series:
    key: str
    name: str
    talk_words: tuple[str, ...]
    name_places: tuple[str, ...]
    round_words: tuple[str, ...]
    usual_venue: str | None
    leaders_meeting_words: tuple[str, ...]
    rounds: tuple[Round, ...]
    names: tuple[str, ...] = ()            # phrases that name the process itself
    numbered_places: tuple[str, ...] = ()  # places whose name + number is a round ("Astana-14")
    round_modifiers: tuple[str, ...] = ()  # words between a meeting noun and its ordinal
    participants: tuple[str, ...] = ()     # parties present at every round
    host_countries: tuple[str, ...] = ()   # "talks on Syria … in Kazakhstan": the host country names the talks

    def round_on(self, day: date, before: int = 0, after: int = 0) -> Round | None:
        """The round whose dates (widened by `before`/`after` days) contain `day`."""
        from datetime import timedelta

        return next((r for r in self.rounds
                     if r.start - timedelta(days=before) <= day <= r.end + timedelta(days=after)), None)

    def round(self, number: int | None) -> Round | None:
        return next((r for r in self.rounds if r.number == number), None)


@dataclass(frozen=True)
class Body:
    """Another body that meets in rounds or sessions of its own (not a series we judge)."""
    key: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class Mention:
    key: str
    printed: str
    span: tuple[int, int]


@dataclass
class Knowledge:
    places: dict[str, Place] = field(default_factory=dict)
    parties: dict[str, Party] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    outlets: dict[str, tuple[str, ...]] = field(default_factory=dict)
    series: dict[str, Series] = field(default_factory=dict)
    bodies: dict[str, Body] = field(default_factory=dict)
    official_outlets: set[str] = field(default_factory=set)   # official sources: weigh double in a consensus
    title_ranks: dict[str, str] = field(default_factory=dict)  # folded title word -> rank ("نائب" -> deputy)
    given_names: set[str] = field(default_factory=set)         # folded Arabic given names (given_names.toml)
    sources: list[str] = field(default_factory=list)

    # -------------------------------------------------------------- lookups
    def _pattern(self, table: dict[str, list[str]]) -> tuple[re.Pattern, dict[str, str]]:
        index: dict[str, str] = {}
        for key, names in table.items():
            for name in names:
                folded = fold_key(name)
                index.setdefault(folded, key)
                if folded.startswith("ال") and len(folded) > 4:
                    index.setdefault("لل" + folded[2:], key)  # ل + ال contracts: للأمم المتحدة
        alts = "|".join(re.escape(n).replace(r"\ ", r"\s*") for n in sorted(index, key=len, reverse=True))
        return re.compile(rf"(?<![\w]){PREFIX}(?P<name>{alts})(?![\w])", re.I), index

    def find(self, text: str, what: str, base: int = 0) -> list[Mention]:
        """Mentions of places, parties (nouns), party adjectives or people in `text`."""
        cache = self.__dict__.setdefault("_patterns", {})
        if what not in cache:
            table = {
                "place": {k: [n for e in p.eras for n in e.names] for k, p in self.places.items()},
                "party": {k: list(p.names) for k, p in self.parties.items()},
                "adjective": {k: list(p.adjectives) for k, p in self.parties.items()},
                "person": {k: list(p.names) for k, p in self.people.items()},
            }[what]
            cache[what] = self._pattern(table)
        pattern, index = cache[what]
        folded = fold_with_offsets(text)
        out = []
        for m in pattern.finditer(folded.text):
            key = index.get(" ".join(m.group("name").lower().split()))
            if key is None:
                key = index.get(fold_key(m.group("name")))
            if key is None:
                continue
            s, e = folded.span(m.start("name"), m.end("name"))
            out.append(Mention(key, text[s:e], (s + base, e + base)))
        return out

    def outlet_name(self, masthead: str) -> str | None:
        key = fold_key(masthead)
        for name, aliases in self.outlets.items():
            if any(fold_key(a) == key or (len(fold_key(a)) > 4 and fold_key(a) in key) for a in aliases):
                return name
        return None

    def title_ranks_in(self, title: str) -> frozenset[str]:
        """The ranks a printed title names, in any script ("Deputy Foreign Minister" -> deputy, minister)."""
        words = fold_key(re.sub(r"['’]s(?![\w])", "", title)).split()  # "Foreign Minister’s Senior Aide"
        return frozenset(r for w in words if (r := self.title_ranks.get(w) or self.title_ranks.get(
            re.sub(r"^(?:و|ال|وال|لل)(?=\w{3,})", "", w))))

    def known_given_name(self, word: str) -> bool:
        """An Arabic given name: listed, or the first name of a known official."""
        if not self.given_names or "_first_names" not in self.__dict__:
            self.__dict__["_first_names"] = self.given_names | {
                fold_key(n.split()[0]) for p in self.people.values() for n in p.names if " " in n}
        return fold_key(word) in self.__dict__["_first_names"]

    def party_by_word(self, word: str) -> str | None:
        index = self.__dict__.get("_party_words")
        if index is None:  # built once: this runs for every candidate word of a name
            index = {}
            for party in self.parties.values():
                for n in party.names + party.adjectives:
                    index.setdefault(fold_key(n), party.key)
            self.__dict__["_party_words"] = index
        return index.get(fold_key(word))


def _date(value) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _merge(kb: Knowledge, data: dict, source: str) -> None:
    try:
        for p in data.get("place", []):
            eras = tuple(PlaceName(tuple(e["names"]), _date(e.get("from")), _date(e.get("until")),
                                   bool(e.get("descriptive", False)))
                         for e in p.get("name", []))
            kb.places[p["key"]] = Place(p["key"], p.get("kind", "city"), p.get("country"), p.get("capital"), eras)
        for p in data.get("party", []):
            kb.parties[p["key"]] = Party(p["key"], p.get("role", "party"), tuple(p.get("names", [])),
                                         tuple(p.get("adjectives", [])))
        for p in data.get("person", []):
            kb.people[p["key"]] = Person(p["key"], tuple(p.get("names", [])), tuple(p.get("roles", [])),
                                        bool(p.get("heads_delegations", False)))
        for o in data.get("outlet", []):
            kb.outlets[o["key"]] = tuple(o.get("names", [])) + (o["key"],)
            if o.get("official"):
                kb.official_outlets.add(o["key"])
        for s in data.get("series", []):
            rounds = tuple(Round(int(r["number"]), _date(r["start"]), _date(r["end"]), r.get("venue"))
                           for r in s.get("round", []))
            kb.series[s["key"]] = Series(
                s["key"], s.get("name", s["key"]), tuple(s.get("talk_words", [])), tuple(s.get("name_places", [])),
                tuple(s.get("round_words", [])), s.get("usual_venue"), tuple(s.get("leaders_meeting_words", [])),
                rounds, tuple(s.get("names", [])), tuple(s.get("numbered_places", [])),
                tuple(s.get("round_modifiers", [])), tuple(s.get("participants", [])),
                tuple(s.get("host_countries", [])))
        for b in data.get("body", []):
            kb.bodies[b["key"]] = Body(b["key"], tuple(b.get("names", [])))
        for name in data.get("given_names", {}).get("arabic", []):
            kb.given_names.add(fold_key(name))
        for r in data.get("rank", []):
            for w in r["words"]:
                kb.title_ranks[fold_key(w)] = r["key"]
    except (KeyError, ValueError, TypeError) as exc:
        raise MuqabalaError(f"{source}: invalid knowledge entry ({exc})") from None
    kb.sources.append(source)


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(path.rglob("*.toml"))
    if path.is_file():
        return [path]
    raise MuqabalaError(f"{path}: knowledge file or folder not found")


def load_knowledge(extra: tuple[str, ...] | list[str] = ()) -> Knowledge:
    return _load(tuple(str(p) for p in extra))


@lru_cache(maxsize=8)
def _load(extra: tuple[str, ...]) -> Knowledge:
    kb = Knowledge()
    for path in _files(HERE) + [f for p in extra for f in _files(Path(p))]:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise MuqabalaError(f"{path}: invalid TOML ({exc})") from None
        _merge(kb, data, str(path))
    return kb


__all__ = ["Knowledge", "load_knowledge", "Mention", "Place", "Party", "Person", "Series", "Round", "Body", "fold"]
