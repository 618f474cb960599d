"""One document of the synthetic archive as text: every figure and citation from
the archive's truth (`archive_world`), every indicator's name, unit and verb
from the catalogue (`archive_data.catalogue`: the linter's lexicon and
benchmarks/data/indicators.yaml), every other sentence, title and lead from
benchmarks/data/ (`archive_data.wording`).

The order of the random draws is part of the archive: the same seed must give
the same bytes, so a change here that draws once more or once less changes
every archive and needs a new `GENERATOR_VERSION` (benchmarks/generate.py).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from typing import TYPE_CHECKING

from archive_data import Indicator, wording
from archive_world import (
    Doc,
    Fact,
    Place,
    decimals_of,
    fact_id,
    heads_term,
    lower_bound_below,
    person,
    spelled,
    stable_rng,
    term_of,
    vn_number,
)

if TYPE_CHECKING:
    from generate import Corpus


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def period_label(period: str) -> str:
    """ "Năm 2024", "6 tháng đầu năm 2024", "Quý I/2024" (periods of documents.yaml)."""
    kind, year = ("Y", period[1:])
    if period.startswith(("H1-", "Q1-")):
        kind, year = period[:2], period[3:]
    return wording().documents.periods[kind].format(year=year)  # type: ignore[index]


class Renderer:
    """One document's text; every figure and citation comes from the corpus' truth."""

    def __init__(self, corpus: Corpus, doc: Doc) -> None:
        self.corpus, self.doc = corpus, doc
        self.rng = stable_rng(corpus.seed, "render", doc.index)
        self.catalogue, self.words = corpus.catalogue, wording()
        # Who holds an office follows the day a document is dated as well as the year
        # it is about (`heads_term`): by the year alone, a 2025 plan of 23/12/2024
        # named another chair than a report of 24/12/2024 (OF01 rightly warned of two
        # chairs a day apart); by 1 January, one lone report named a new chair weeks
        # after the old one's last.
        place, seed = doc.place, corpus.seed
        term = heads_term(doc.year, doc.date)
        bodies = self.words.documents.bodies
        ten = spelled(place.short, self.rng) if place.district else place.short
        ubnd = bodies.ubnd.format(dv=place.unit)
        if place.unit == "thị xã" and self.rng.random() < 0.4:
            ubnd = bodies.ubnd_town
        self.slots = {
            "dv": place.unit,
            "ten": ten,
            "lang": self._neighbour(),
            "bt": person(seed, "bt", place.province, place.district, term),
            "ct": person(seed, "ct", place.province, place.district, term),
            "cthd": person(seed, "cthd", place.province, place.district, term),
            "pct": person(seed, "pct", place.province, place.district, doc.year),
            "nganh": bodies.departments["district" if place.district else "province"],
            "ubnd": ubnd,
            "hdnd": bodies.hdnd.format(dv=place.unit),
            "party": bodies.party[place.unit],  # type: ignore[index]
        }
        prose = self.words.prose
        banks = [prose.speech, prose.tasks, prose.closing, prose.scene]
        if doc.kind == "session":
            banks.append(prose.session)
        if place.district:
            banks.append(prose.district_talk)
        self._prose = [s for bank in banks for s in bank]
        self.rng.shuffle(self._prose)

    # ----------------------------------------------------------------- helpers

    def fill(self, template: str, capitalize: bool = True) -> str:
        rng = self.rng
        people, department = self.words.people, self.words.documents.bodies.department
        office = (
            rng.choice(people.offices)
            if self.doc.place.district
            else department.format(sector=rng.choice(people.sectors))
        )
        extra = {"coquan": office, "noi": self._somewhere(), "han": self._deadline()}
        text = template.format(**self.slots, **extra)
        return cap(text) if capitalize else text

    def _neighbour(self) -> str:
        """Another district of the province, named in a district's own news: the twin
        of one name ("huyện Cai Lậy" in news of "thị xã Cai Lậy") where there is one."""
        place = self.doc.place
        others = [d for d in self.corpus.districts[place.province] if d != place.district]
        if not place.district or not others:
            return self.words.documents.neighbours
        other = Place(place.province, False, others[0])
        return f"{other.unit} {spelled(other.short, self.rng)}"

    def _somewhere(self) -> str:
        districts = self.corpus.districts[self.doc.place.province]
        if self.doc.place.district or not districts:
            return f"{self.doc.place.unit} {self.slots['ten']}"
        d = Place(self.doc.place.province, False, self.rng.choice(districts))
        return f"{d.unit} {d.short}"

    def _deadline(self) -> str:
        day = self.doc.date + dt.timedelta(days=self.rng.randint(10, 40))
        return f"{day.day}/{day.month}/{day.year}"

    def prose(self, count: int) -> str:
        """A paragraph of ordinary sentences, none repeated before all were used."""
        out = []
        for _ in range(count):
            if not self._prose:
                prose = self.words.prose
                self._prose = [*prose.speech, *prose.tasks, *prose.closing]
                self.rng.shuffle(self._prose)
            out.append(self.fill(self._prose.pop()))
        return " ".join(out)

    # ----------------------------------------------------------------- figures

    def figure(self, fact: Fact, status: str, last: bool) -> str:
        """The figure of `fact` with a comparator its truth allows and its unit.

        `last`: the figure ends its clause, so "trở lên" may follow it."""
        ind = self.catalogue.by_id[fact[2]]
        truth = self.corpus.world.truth(fact)
        rng, compare = self.rng, self.catalogue.comparators
        wrong = self.doc.wrong.get(fact_id(fact))
        if truth.high is not None and wrong is None:
            low, high = vn_number(truth.value, 1), vn_number(truth.high, 1)
            return rng.choice(compare.range).format(low=low, high=high)
        value = truth.value if wrong is None else wrong
        decimals = truth.decimals if wrong is None else decimals_of(wrong)
        template = "{n}"  # a wrong figure is plain: "đạt 47.000 tỷ đồng"
        if wrong is None and status == "target":
            if ind.direction == "down":
                options = compare.ceiling_strict if truth.strict else compare.ceiling
            else:
                options = compare.floor_strict if truth.strict else compare.floor
            template = rng.choice(options)
            if not last and not template.endswith("{n}"):  # "trở lên" only ends a clause
                template = compare.mid_clause["strict" if truth.strict else "plain"]
        elif wrong is None:
            roll = rng.random()
            floor = lower_bound_below(value) if ind.direction == "up" else None
            if roll < 0.15:
                template = compare.about
            elif roll < 0.3 and floor is not None:
                template, value, decimals = rng.choice(compare.above), floor, decimals_of(floor)
        number, unit = self._number(ind, value, decimals)
        return template.format(n=number + unit)

    def _number(self, ind: Indicator, value: float, decimals: int) -> tuple[str, str]:
        rng, unit = self.rng, ind.unit
        if unit == "%":
            return vn_number(value, decimals), "%"
        if unit == "tỷ đồng":
            if value >= 10_000 and value % 100 == 0 and rng.random() < 0.3:
                return vn_number(value / 1000, 2), " nghìn tỷ đồng"
            return vn_number(value, decimals), " tỷ đồng"
        if unit == "triệu USD":
            if value >= 1000 and rng.random() < 0.7:
                return vn_number(value / 1000, 3), " tỷ USD"
            return vn_number(value, decimals), " triệu USD"
        if unit == "lượt khách" and value >= 1_000_000:
            if value % 10_000 == 0 and rng.random() < 0.7:
                return vn_number(value / 1_000_000, 2), " triệu lượt khách"
            return vn_number(value, 0), " lượt khách"
        if unit.endswith("/vạn dân"):
            noun = unit.split("/")[0]
            return vn_number(value, decimals), f" {noun}/{rng.choice(('vạn dân', '1 vạn dân'))}"
        return vn_number(value, decimals), f" {unit}" if unit else ""  # a bare count

    def clause(self, ind_id: str, period: str, status: str) -> str:
        """One clause stating a figure, with its parts ("trong đó ...") when it has any."""
        doc, rng = self.doc, self.rng
        ind = self.catalogue.by_id[ind_id]
        fact = doc.fact(ind_id, period, status)
        form = rng.choice(ind.forms)
        figure = self.figure(fact, status, last=form.endswith("{f}"))
        name = rng.choice(ind.names).replace("{dv}", doc.place.unit) if ind.names else ""
        for marker, instead in ind.in_districts.items() if doc.place.district else ():
            if marker in name:
                name = instead
        verb = rng.choice(getattr(self.catalogue.verbs[ind.verb], status))
        prefix = "ước " if status == "estimate" else ""
        text = re.sub(r"\s+", " ", form.format(name=name, v=verb, p=prefix, f=figure).strip())
        doc.stated.append((fact_id(fact), figure))
        parts = list(self.catalogue.parts.get(ind_id, ()))
        growth = ind.kind == "growth"
        if growth and (status == "target" or not period.startswith(("Y", "H"))):
            parts = []  # the sectors of a growth are only stated as results
        if parts and not period.startswith("T") and rng.random() < 0.45:
            if not growth and len(parts) > 1:  # one or two of a total's parts
                parts = rng.sample(parts, rng.randint(1, 2))
            inner = [self.clause(p, period, status) for p in parts]
            # Each sector's growth is a clause of its own; parts of a total are a list.
            text += ", trong đó " + ("; " if growth else " và ").join(inner)
        return text

    # ----------------------------------------------------------------- sections

    def targets(self) -> list[str]:
        """Sentences stating the year's targets, economy first, then society, environment."""
        doc, rng, words = self.doc, self.rng, self.words.documents
        if not doc.targets:
            return []
        y, dv = doc.year, doc.place.unit
        future = doc.date < dt.date(y, 1, 1)  # before the year, every figure of it is a target
        which = "district" if doc.place.district else "province"
        leads = [lead.format(y=y, dv=dv, Dv=cap(dv)) for lead in words.target_leads[which]]
        groups: dict[str, list[str]] = defaultdict(list)
        for ind in doc.targets:
            groups[self.catalogue.by_id[ind].domain].append(ind)
        ordered = [g for g in (groups["econ"], groups["social"], groups["env"]) if g]
        if len(ordered) > 1 and len(ordered[0]) + len(ordered[1]) <= 4:
            ordered[0:2] = [ordered[0] + ordered[1]]
        sentences = []
        for g, group in enumerate(ordered):
            body = rng.choice(("; ", "; ", ", ")).join(
                self.clause(i, f"Y{y}", "target") for i in group
            )
            if g == 0:
                lead = rng.choice(leads)
            else:
                lead = words.topics[self.catalogue.by_id[group[0]].domain]  # type: ignore[index]
                if not future:
                    lead += rng.choice(words.topic_years).format(y=y)
            sentences.append(cap(lead + body) + ".")
        return sentences

    def results(self) -> list[str]:
        """Sentences stating estimates or results, each naming its period and status."""
        doc, rng, words = self.doc, self.rng, self.words.documents
        by_period: dict[tuple[str, str], list[str]] = defaultdict(list)
        for ind, period, status in doc.results:
            by_period[(period, status)].append(ind)
        sentences = []
        for (period, status), inds in by_period.items():
            label = period_label(period)
            low = label[0].lower() + label[1:]
            templates = words.result_leads["actual" if status == "actual" else "estimate"]
            if status == "estimate" and period.startswith("Y"):
                templates += words.result_leads["estimate_year"]
            leads = [t.format(label=label, low=low, dv=doc.place.unit) for t in templates]
            size = math.ceil(len(inds) / rng.randint(1, 2))
            for i in range(0, len(inds), size):
                clauses = [self.clause(ind, period, status) for ind in inds[i : i + size]]
                sentences.append(cap(rng.choice(leads) + "; ".join(clauses)) + ".")
        if doc.kind == "plan" and rng.random() < 0.5:
            total = rng.randint(20, 30)
            missed = rng.randint(1, 4)
            sentences.append(words.plan_summary.format(
                prev=doc.year - 1, dv=doc.place.unit, met=total - missed, total=total,
                missed=missed))  # fmt: skip
        return sentences

    def term(self) -> list[str]:
        doc = self.doc
        if not doc.term:
            return []
        period = term_of(doc.year)
        first, last = period[1:5], period[6:10]
        clauses = [self.clause(i, period, "target") for i in doc.term]
        lead = self.rng.choice(self.words.documents.term_leads).format(first=first, last=last)
        return [lead + "; ".join(clauses) + "."]

    def citation(self, res_id: str) -> str:
        """A citation in full: `Nghị quyết số 176/NQ-HĐND ngày 8/12/2023 của HĐND tỉnh`."""
        res = self.corpus.registry.by_id[res_id]
        rng, unit, words = self.rng, self.doc.place.unit, self.words.resolutions
        number = self.doc.wrong_number.get(res_id, res.number)
        # A name for every body, drawn in the file's order (see issuers in resolutions.yaml).
        party = "party_city" if self.doc.place.city else "party_province"
        issuers = {}
        for body, names in words.issuers.items():
            if body.startswith("party_") and body != party:
                continue
            name = rng.choice(names) if len(names) > 1 else names[0]
            issuers[body.removesuffix("_city").removesuffix("_province")] = name.format(dv=unit)
        issuer = issuers[res.body]
        symbol = res.symbol if rng.random() < 0.8 or res.body == "government" else ""
        day = res.date
        date = f"{day.day}/{day.month}/{day.year}"
        if rng.random() < 0.2:
            date = f"{day.day:02d}/{day.month:02d}/{day.year}"
        quote = words.citation.format(doc_type=res.doc_type, number=number, symbol=symbol,
                                      date=date, issuer=issuer)  # fmt: skip
        self.doc.quotes.setdefault(res_id, quote)
        return quote

    def citing(self, res_id: str) -> str:
        """A sentence implementing a resolution; its subject follows "về"."""
        res = self.corpus.registry.by_id[res_id]
        words = self.words.resolutions
        subject = res.subject.replace("{dv}", self.doc.place.unit)
        rest = self.fill(self.rng.choice(words.cite_rest), capitalize=False)
        return f"{self.rng.choice(words.leads)} {self.citation(res_id)} về {subject}, {rest}"

    def short_form(self, res_id: str) -> str | None:
        """`Nghị quyết 176 của HĐND tỉnh`, after the full citation in the same document."""
        res = self.corpus.registry.by_id[res_id]
        if res.body not in ("hdnd", "party"):
            return None
        number = self.doc.wrong_number.get(res_id, res.number)
        body = self.slots["hdnd"] if res.body == "hdnd" else self.slots["party"]
        return self.words.resolutions.short_form.format(
            doc_type=res.doc_type, number=number, body=body, ubnd=self.slots["ubnd"],
            han=self._deadline())  # fmt: skip

    # ----------------------------------------------------------------- the document

    def title(self) -> str:
        doc = self.doc
        titles = self.words.documents.titles[doc.kind]
        return self.rng.choice(titles).format(**self._doc_slots())

    def _doc_slots(self) -> dict[str, object]:
        """The slots of titles and intros: prose's, and the years and the unit capitalised."""
        y = self.doc.year
        return {**self.slots, "y": y, "prev": y - 1, "Dv": cap(self.doc.place.unit)}

    def intro(self) -> str:
        doc, rng, s, words = self.doc, self.rng, self.slots, self.words.documents
        d = doc.date
        when = rng.choice(words.when).format(day=d.day, month=d.month, date_year=d.year)
        what = words.intros[doc.kind].format(**self._doc_slots())
        if doc.place.district and rng.random() < 0.5:  # the body named with its unit
            kind = "thành phố" if doc.place.city else "tỉnh"
            where = rng.choice(words.province_after_unit).format(
                kind=kind, province=doc.place.province
            )
            what = what.replace(s["ubnd"], f"{s['ubnd']} {s['ten']}{where}", 1)
        openings = self.words.prose.openings
        scene = self.fill(rng.choice(openings.get(doc.kind, self.words.prose.conference)))
        return f"{when}, {what} {scene}"

    def text(self) -> str:
        doc, rng = self.doc, self.rng
        body: list[str] = [self.intro()]
        if doc.place.district:
            body[0] += " " + self.fill(rng.choice(self.words.prose.neighbour))
        if results := self.results():
            body.append(" ".join(results))
        cites = [self.citing(r) + "." for r in doc.cites]
        targets = self.targets()
        if doc.kind in ("plan", "session", "district_plan") or rng.random() < 0.5:
            body.append(" ".join([*cites, *targets]))
        else:
            body.append(" ".join(targets))
            if cites:
                body.append(self.prose(1) + " " + " ".join(cites))
        body.extend(self.term())
        if doc.cites and rng.random() < 0.3 and (short := self.short_form(doc.cites[0])):
            body.append(short)
        body = [p for p in body if p]
        # Ordinary paragraphs up to the document's size; sizes spread like an archive's.
        mean = self.corpus.avg_kb * 1000
        wanted = min(4 * mean, max(mean / 4, rng.lognormvariate(math.log(mean) - 0.125, 0.5)))
        wanted -= 450  # the front matter, the title and the last paragraph's overshoot
        size = sum(len(p.encode()) for p in body)
        prose = []
        while size < wanted:
            paragraph = self.prose(rng.randint(2, 4))
            prose.append(paragraph)
            size += len(paragraph.encode()) + 2
        cut = rng.randint(0, len(prose))
        body = [body[0], *prose[:cut], *body[1:], *prose[cut:]]
        meta = [f"date: {doc.date.isoformat()}", f"province: {doc.place.province}"]
        if doc.place.district and rng.random() < 0.25:  # else the linter reads it in the text
            meta.append(f"district: {doc.place.unit} {self.slots['ten']}")
        head = "---\n" + "\n".join(meta) + "\n---\n# " + self.title() + "\n\n"
        return head + "\n\n".join(body) + "\n"
