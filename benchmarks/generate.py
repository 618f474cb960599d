"""A synthetic archive of provincial announcements, with known contradictions.

    python benchmarks/generate.py OUT_DIR --docs 5000 --seed 1

writes OUT_DIR/<province>/<year>/[<district>-]<kind>-<n>.md (front matter: date,
province, district for district news) and OUT_DIR/manifest.json. The archive
covers the 63 pre-2025 provinces (names from `linter.metadata.gazetteer`), two districts
of each, and the years 2016-2025: conference reports, council sessions, year
reviews, half-year and quarter news, district plans and thematic articles that
restate the same indicators in the wording of real announcements (synonyms from
`linter/data/indicators.yaml`, comparators "trên", "hơn", "ít nhất", "khoảng",
"đạt", "trở lên", "dưới", ranges, "trong đó" parts, scale words, citations of
the resolutions they implement) around paragraphs of ordinary prose.

Code and data are apart. This module plans the archive (which document states
and cites what, where the contradictions go) and writes it; `archive_world`
holds its truth (figures, places, resolutions, people), `archive_text` renders
one document, and `archive_data` loads the data, validated:

- from the linter's own data, linter/data/indicators.yaml (`linter.data.lexicon`):
  which indicators exist, their names (where news spells them as the lexicon
  does), the noun counted after a figure, dimension, growth or level, parent.
  A new indicator of the lexicon is stated by the archive with no change here;
- from benchmarks/data/: indicators.yaml (how big each indicator's figures are,
  how they move and are rounded, the verbs and how news spells names the
  lexicon folds), documents.yaml (kinds, titles, intros, leads), prose.yaml
  (ordinary sentences), resolutions.yaml (subjects, citations, issuers),
  places.yaml (province sizes, district spellings), people.yaml (names).

Every figure comes from one truth: a value per (province, district, indicator,
period, status) that is a pure function of the seed, and each restatement picks
a comparator whose interval contains it, so restatements always agree. Then
about one document in 50 (`--rate`) gets one contradiction, listed in the
manifest: NU01, a restated target with a figure no other restatement allows,
or VB01, a resolution cited with another number on the same date and subject.
A correct linter reports exactly those. The output depends only on the seed,
the number of documents, the rate and the average size.

District documents are the hard part of scoping, so the provinces whose
districts have hard names come first: names with an apostrophe ("Cư M'gar",
"Ea H'leo", "Ia H'Drai") and a huyện and a thị xã of one name ("Cai Lậy", "Kỳ
Anh"), both of which are then picked. Their texts spell the name as real news
does ("Cư M’gar", "Cư Mgar", "Krông Ana", "Đăk R'Lấp"), call the body "UBND
TX" or "Thị ủy", name a neighbouring district, and only one in four says the
district in its front matter: the linter has to find it in the text, and a
district figure it takes for the province's is a false alarm.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import shutil
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
for _path in (HERE.parent, HERE):  # the linter, and the archive's modules next to this one
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from archive_data import Catalogue, DataError, catalogue, wording  # noqa: E402
from archive_text import Renderer  # noqa: E402
from archive_world import (  # noqa: E402
    YEARS,
    Doc,
    Fact,
    Place,
    Registry,
    World,
    fact_id,
    hard,
    provinces,
    round_sig,
    slug,
    stable_rng,
    vn_number,
)

from linter.data.lexicon import default_lexicon  # noqa: E402

MERGER = dt.date(2025, 7, 1)  # the 63 provinces end here: no news of them after it
MANIFEST = "manifest.json"
# 2: district documents with hard names, scoped by their text; 3: a Party committee's
# resolution numbers unique through its five-year term, not only its year, and the
# heads a document names those of the day it is dated, not of the year it is about
GENERATOR_VERSION = 3

# --------------------------------------------------------------------------- writing


def generate(
    out_dir: Path, n_docs: int, seed: int, rate: int = 50, avg_kb: float = 6.0
) -> dict[str, object]:
    """Write the corpus and its manifest into `out_dir`; returns the manifest."""
    started = time.perf_counter()
    corpus = Corpus(n_docs, seed, rate, avg_kb)
    out_dir.mkdir(parents=True, exist_ok=True)
    total = 0
    made: set[Path] = set()
    for doc in corpus.docs:
        path = out_dir / doc.path
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        data = corpus.render(doc).encode()
        path.write_bytes(data)
        total += len(data)
    by_path = {d.path: d for d in corpus.docs}
    injected = []
    for entry in corpus.injected:
        key = str(entry.get("fact") or entry.get("resolution"))
        files = []
        for path in entry["files"]:  # type: ignore[attr-defined]
            doc = by_path[path]
            quote = doc.quotes.get(key) or next((q for f, q in doc.stated if f == key), "")
            files.append({"path": path, "quote": quote})
        injected.append({**entry, "files": files})
    manifest: dict[str, object] = {
        "generator": GENERATOR_VERSION,
        "seed": seed,
        "documents": n_docs,
        "rate": rate,
        "bytes": total,
        "provinces": len({d.place.province for d in corpus.docs}),
        "injected": injected,
    }
    (out_dir / MANIFEST).write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return {**manifest, "seconds": round(time.perf_counter() - started, 2)}


def draft(n_docs: int, seed: int, rate: int = 50) -> tuple[str, str]:
    """A new announcement for the corpus of (`n_docs`, `seed`): the plan of the first
    province and year restated once more, one target wrong. Returns (text, that figure)."""
    corpus = Corpus(n_docs, seed, rate)
    first = corpus.docs[0]
    doc = Doc(10**6, "plan", first.place, first.year, first.date, "draft.md")
    doc.targets = list(corpus.core[first.place.province])
    stated = {i for d in corpus.docs if d.place == first.place and d.year == first.year
              for i in d.targets}  # fmt: skip
    up = [i for i in doc.targets if corpus.catalogue.by_id[i].direction == "up"]
    wrong = next((i for i in up if i in stated), None)
    key = None
    if wrong is not None:
        fact = doc.fact(wrong, f"Y{doc.year}", "target")
        truth = corpus.world.truth(fact)
        key = fact_id(fact)
        doc.wrong[key] = round(truth.value * 0.8, truth.decimals)
    text = Renderer(corpus, doc).text()
    return text, next((q for f, q in doc.stated if f == key), "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--docs", type=int, default=1000, help="number of documents")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rate", type=int, default=50, help="one contradiction per RATE documents")
    parser.add_argument("--avg-kb", type=float, default=6.0, help="average document size")
    args = parser.parse_args(argv)
    if args.docs < 1 or args.rate < 1 or args.avg_kb <= 0:
        parser.error("--docs and --rate must be at least 1, --avg-kb above 0")
    out: Path = args.out_dir
    if out.exists() and any(out.iterdir()):
        if not (out / MANIFEST).is_file():
            parser.error(f"{out} is not empty and holds no {MANIFEST}: refusing to overwrite it")
        shutil.rmtree(out)
    try:
        manifest = generate(out, args.docs, args.seed, args.rate, args.avg_kb)
    except DataError as exc:  # a broken data file: one line, no traceback
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(
        f"{manifest['documents']} documents, {int(manifest['bytes']) / 1e6:.1f} MB, "  # type: ignore[call-overload]
        f"{len(manifest['injected'])} contradictions, {manifest['seconds']} s -> {out}"  # type: ignore[arg-type]
    )
    return 0


# --------------------------------------------------------------------------- planning


class Corpus:
    """Plans the documents (what each states and cites), then renders them."""

    def __init__(self, n_docs: int, seed: int, rate: int = 50, avg_kb: float = 6.0) -> None:
        if n_docs < 1:
            raise ValueError("--docs must be at least 1")
        self.n_docs, self.seed, self.rate, self.avg_kb = n_docs, seed, rate, avg_kb
        self.catalogue: Catalogue = catalogue(default_lexicon())
        self.kinds = wording().documents.kinds
        self.world = World(seed, self.catalogue)
        self.registry = Registry(seed)
        self.districts: dict[str, tuple[str, ...]] = {}
        self.core: dict[str, tuple[str, ...]] = {}
        self.docs: list[Doc] = []
        self.injected: list[dict[str, object]] = []
        self._plan()

    # ----------------------------------------------------------------- planning

    def _slots(self) -> list[tuple[str, bool, int]]:
        rng = stable_rng(self.seed, "slots")
        table = list(provinces())
        rng.shuffle(table)
        # Provinces with hard district names first, so that small archives have them.
        table.sort(key=lambda row: not any(hard(d, row[2]) for d in row[2]))
        years = {name: rng.sample(YEARS, len(YEARS)) for name, _, _ in table}
        per_slot = 8
        wanted = max(1, min(len(table) * len(YEARS), math.ceil(self.n_docs / per_slot)))
        slots: list[tuple[str, bool, int]] = []
        for round_ in range(len(YEARS)):
            for name, city, districts in table:
                if len(slots) < wanted:
                    slots.append((name, city, years[name][round_]))
                if name not in self.districts:
                    pick = stable_rng(self.seed, "districts", name)
                    chosen = sorted(pick.sample(districts, min(2, len(districts))))
                    self.districts[name] = self._hard_pick(name, districts) or tuple(chosen)
                    top = self.catalogue.top
                    excluded = set(pick.sample(top, 4))
                    self.core[name] = tuple(i for i in top if i not in excluded)
        return slots

    def _hard_pick(self, province: str, districts: tuple[str, ...]) -> tuple[str, ...]:
        """Two hard districts of `province`, a huyện and a thị xã of one name if it has
        them; empty when it has no hard name."""
        found = [d for d in districts if hard(d, districts)]
        by_short: dict[str, list[str]] = defaultdict(list)
        for d in found:
            by_short[Place(province, False, d).short].append(d)
        rng = stable_rng(self.seed, "hard", province)
        pairs = [tuple(sorted(p)) for p in by_short.values() if len(p) == 2]
        if pairs:
            return rng.choice(pairs)
        return tuple(sorted(rng.sample(found, min(2, len(found)))))

    def _plan(self) -> None:
        slots = self._slots()
        for name in sorted({s[0] for s in slots}):
            self.registry.build(name, self.districts[name])
        base, extra = divmod(self.n_docs, len(slots))
        kinds = self.kinds
        index = 0
        for s, (province, city, year) in enumerate(slots):
            for k in range(base + (1 if s < extra else 0)):
                self.docs.append(self._plan_doc(index, province, city, year, kinds[k % len(kinds)]))
                index += 1
        self._inject()

    def _plan_doc(self, index: int, province: str, city: bool, year: int, kind: str) -> Doc:
        rng = stable_rng(self.seed, "doc", index)
        indicators = self.catalogue
        districts = self.districts[province]
        if kind.startswith("district") and not districts:
            kind = "theme"
        if kind == "half" and year == YEARS[-1]:
            kind = "quarter"  # news of mid-2025 would be about the merged provinces
        district = None
        if kind.startswith("district"):
            district = districts[index // len(self.kinds) % len(districts)]
        place = Place(province, city, district)
        core = (
            [i for i in self.core[province] if i in indicators.district]
            if district
            else list(self.core[province])
        )
        results = [i for i in core if i in indicators.result_top]
        reg = self.registry
        own = f"{province}|{district}" if district else province
        council = reg.by_id[f"{own}|{year}"] if district else reg.by_id[f"{province}|hdnd|{year}"]
        if kind == "plan":
            date = council.date + dt.timedelta(days=rng.randint(4, 18))
        elif kind == "session":
            date = council.date + dt.timedelta(days=rng.randint(0, 2))
        elif kind == "review":
            date = dt.date(year, rng.randint(1, 3), rng.randint(5, 28))
        elif kind == "half":
            date = dt.date(year, 7, rng.randint(3, 28))
        elif kind == "quarter":
            date = dt.date(year, 4, rng.randint(3, 25))
        elif kind == "district_plan":
            date = dt.date(year - 1, rng.choice((9, 10, 11, 12)), rng.randint(1, 28))
        elif kind == "district_review":
            date = dt.date(year, rng.randint(1, 6), rng.randint(1, 28))
        else:  # theme
            last = 6 if year == YEARS[-1] else 12
            date = dt.date(year, rng.randint(2, last), rng.randint(1, 28))
        date = min(date, MERGER - dt.timedelta(days=1))
        folder = f"{slug(province)}/{year}"
        name = f"{slug(district)}-" if district else ""
        doc = Doc(index, kind, place, year, date, f"{folder}/{name}{kind}-{index:05d}.md")

        def pick(pool: list[str] | tuple[str, ...], lo: int, hi: int) -> list[str]:
            pool = list(pool)
            return rng.sample(pool, min(len(pool), rng.randint(lo, hi)))

        if kind == "plan":
            doc.targets = pick(core, 12, 20)
            doc.results = [(i, f"Y{year - 1}", "estimate") for i in pick(results, 4, 8)]
            if rng.random() < 0.35:
                doc.term = pick(indicators.term, 1, 3)
        elif kind == "session":
            doc.targets = pick(core, 8, 14)
        elif kind == "review":
            doc.results = [(i, f"Y{year - 1}", "actual") for i in pick(results, 4, 9)]
            doc.targets = pick(core, 4, 8)
        elif kind == "half":
            doc.results = [(i, f"H1-{year}", "estimate") for i in pick(indicators.half_year, 3, 6)]
            doc.targets = pick(core, 3, 7)
        elif kind == "quarter":
            doc.results = [(i, f"Q1-{year}", "estimate") for i in pick(indicators.half_year, 2, 4)]
            doc.targets = pick(core, 2, 5)
        elif kind == "district_plan":
            doc.targets = pick(core, 5, 9)
        elif kind == "district_review":
            doc.results = [(i, f"Y{year - 1}", "actual") for i in pick(results, 3, 6)]
            doc.targets = pick(core, 3, 6)
        else:
            themes = [t for t, res in enumerate(reg.themes[province]) if res.date < date]
            if themes:
                doc.theme = rng.choice(themes)
                theme = wording().resolutions.themes[doc.theme]
                related = [i for i in theme.indicators if i in core]
                doc.targets = related or pick(core, 2, 3)
            else:
                doc.targets = pick(core, 2, 4)
            if rng.random() < 0.3:
                doc.term = pick(indicators.term, 1, 2)
        doc.cites = self._cites(doc, rng)
        return doc

    def _cites(self, doc: Doc, rng: random.Random) -> list[str]:
        reg, province, year = self.registry, doc.place.province, doc.year
        if doc.place.district:
            candidates = [f"{province}|{doc.place.district}|{year}"]
        else:
            candidates = [f"{province}|hdnd|{year}", f"{province}|party|{year}",
                          f"{province}|ubnd|{year}"]  # fmt: skip
            if doc.theme is not None:
                candidates.insert(0, reg.themes[province][doc.theme].id)
        cited = [c for c in candidates if reg.by_id[c].date < doc.date]
        if doc.kind in ("review", "half", "quarter") and not doc.place.district:
            gov = reg.government(year)
            if gov.date < doc.date and rng.random() < 0.4:
                cited.append(gov.id)
        keep = [c for c in cited if rng.random() < 0.75 or c.endswith("|hdnd|" + str(year))]
        return keep[:3]

    # ----------------------------------------------------------------- contradictions

    def _inject(self) -> None:
        wanted = max(2, round(self.n_docs / self.rate))
        rng = stable_rng(self.seed, "inject")
        stated: dict[Fact, list[Doc]] = defaultdict(list)
        for doc in self.docs:
            for ind in doc.targets:
                stated[doc.fact(ind, f"Y{doc.year}", "target")].append(doc)
        cited: dict[tuple[str, str | None], list[Doc]] = defaultdict(list)
        for doc in self.docs:
            for res in doc.cites:
                if not res.startswith("government"):
                    cited[(res, doc.place.district)].append(doc)
        nu = [(f, d) for f, d in stated.items() if len({x.path for x in d}) >= 2]
        vb = [(r, d) for r, d in cited.items() if len({x.path for x in d}) >= 2]
        rng.shuffle(nu)
        rng.shuffle(vb)
        busy: set[str] = set()
        for k in range(wanted):
            # NU01 and VB01 in turn; when one kind has no candidate left, the other.
            for code in ("NU01", "VB01") if k % 2 == 0 else ("VB01", "NU01"):
                if entry := self._inject_one(code, nu if code == "NU01" else vb, busy, rng):
                    self.injected.append(entry)
                    break

    def _inject_one(
        self,
        code: str,
        pool: list[tuple[Fact, list[Doc]]] | list[tuple[tuple[str, str | None], list[Doc]]],
        busy: set[str],
        rng: random.Random,
    ) -> dict[str, object] | None:
        while pool:
            key, docs = pool.pop()
            docs = [d for d in docs if d.path not in busy]
            if len(docs) < 2:
                continue
            bad, good = docs[-1], docs[0]
            if code == "NU01":
                entry = self._inject_figure(key, bad, good, rng)  # type: ignore[arg-type]
            else:
                entry = self._inject_number(str(key[0]), bad, good, rng)
            if entry is not None:
                busy.update((bad.path, good.path))
                return entry
        return None

    def _inject_figure(
        self, fact: Fact, bad: Doc, good: Doc, rng: random.Random
    ) -> dict[str, object] | None:
        truth = self.world.truth(fact)
        ind = self.catalogue.by_id[fact[2]]
        if ind.direction == "range":
            assert truth.high is not None
            value = round(truth.high * rng.uniform(1.3, 1.6), 1)
        elif ind.direction == "down":
            value = round(truth.value * rng.uniform(1.15, 1.3), truth.decimals)
            if value <= truth.value * 1.06:
                return None
        else:
            value = truth.value * rng.uniform(0.78, 0.88)
            value = (
                round_sig(value, max(2, len(vn_number(truth.value, 0).replace(".", "")) - 1))
                if truth.decimals == 0 and value >= 100
                else round(value, truth.decimals)
            )
            if not 0 < value < truth.value * 0.94:
                return None
        key = fact_id(fact)
        bad.wrong[key] = value
        return {"code": "NU01", "fact": key, "files": [bad.path, good.path]}

    def _inject_number(
        self, res_id: str, bad: Doc, good: Doc, rng: random.Random
    ) -> dict[str, object] | None:
        res = self.registry.by_id[res_id]
        bad.wrong_number[res_id] = self.registry.wrong_number(res, bad.place.province, rng)
        return {"code": "VB01", "resolution": res_id, "files": [bad.path, good.path]}

    # ----------------------------------------------------------------- rendering

    def render(self, doc: Doc) -> str:
        return Renderer(self, doc).text()


if __name__ == "__main__":
    sys.exit(main())
