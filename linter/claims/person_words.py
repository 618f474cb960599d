"""The words of `linter/data/persons.yaml`, validated on load, as tables the
reader of people (`linter.claims.persons`) and the checks PN01 and PN02 use:
honorifics and the sex they say, roles and titles, the titles one person does
not hold together, capitalised words that tell no one apart, words that make a
name a thing's, rarer family names.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator

from linter.claims.names import words_ as name_words
from linter.data import load, words_are_words
from linter.data.offices import offices as name_words_data
from linter.data.places import alternatives
from linter.nlp import fold

Sex = Literal["male", "female", "child"]


class _Entry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class _Honorifics(_Entry):
    male: tuple[str, ...]
    female: tuple[str, ...]
    child: tuple[str, ...]
    other: tuple[str, ...]


class _Role(_Entry):
    label: str
    words: tuple[str, ...]
    body: bool = False  # the title names its organisation: "đại biểu quốc hội"


class _Said(_Entry):
    verbs: tuple[str, ...]  # end a title's body wherever written
    nouns_too: tuple[str, ...]  # end it only right after the body's name
    adverbs: tuple[str, ...]  # "cũng cho hay": ended before the adverb


class PersonWords(_Entry):
    honorifics: _Honorifics
    roles: tuple[_Role, ...]
    common_words: tuple[str, ...]
    named_after: tuple[str, ...]
    surnames: tuple[str, ...]
    exclusive_titles: tuple[tuple[str, str], ...]
    national_scopes: tuple[str, ...]
    said_after_title: _Said

    @model_validator(mode="after")
    def _known_titles(self) -> PersonWords:
        """A typo in a title names the file and the title (`linter.data.load`)."""
        labels = {r.label for r in self.roles}
        unknown = sorted({t for pair in self.exclusive_titles for t in pair} - labels)
        if unknown:
            raise ValueError(f"exclusive_titles: {', '.join(unknown)} is not a role label")
        return self

    @model_validator(mode="after")
    def _words_are_words(self) -> PersonWords:
        """Every word of a list holds a letter or a digit: an empty one made every
        position of a text a title, a verb or a namesake's word (the parse is kept in
        a cache, `linter.data.KEPT_FILES`: the model says all that `Tables` relies on)."""
        h, said = self.honorifics, self.said_after_title
        lists = {
            **{f"roles.{r.label}": r.words for r in self.roles},
            "honorifics": (*h.male, *h.female, *h.child, *h.other),
            "said_after_title": (*said.verbs, *said.nouns_too, *said.adverbs),
            "common_words": self.common_words,
            "named_after": self.named_after,
            "surnames": self.surnames,
            "national_scopes": self.national_scopes,
        }
        words_are_words(lists)
        return self


class Tables:
    def __init__(self, data: PersonWords) -> None:
        h = data.honorifics
        sexed: list[tuple[Sex, tuple[str, ...]]] = [
            ("male", h.male),
            ("female", h.female),
            ("child", h.child),
        ]
        self.sex: dict[str, Sex] = {fold(w): sex for sex, words in sexed for w in words}
        every = [*h.male, *h.female, *h.child, *h.other]
        self.honorific = re.compile(rf"(?:^|[^\w/])(?P<w>{alternatives(every)})\.?[ \t]+$")
        self.bare_honorifics = {fold(w) for w in every if " " not in w}
        self.roles = {fold(w): r.label for r in data.roles for w in r.words}
        self.bodied = frozenset(r.label for r in data.roles if r.body)
        self.exclusive = frozenset(frozenset(p) for p in data.exclusive_titles)
        self.role = re.compile(rf"(?<![\w&])(?:{alternatives(self.roles)})(?![\w&])")
        self.common = frozenset(fold(w) for w in data.common_words)
        self.national = frozenset(fold(w) for w in data.national_scopes)
        # "Chủ tịch Hiệp hội đá quý Hà Nội chia sẻ:": what the person does ends the body
        said = data.said_after_title
        adverb = rf"(?:(?:{alternatives(said.adverbs)})[ \t]+)?"
        self.said = re.compile(rf"(?<!\w){adverb}(?:{alternatives(said.verbs)})(?!\w)|[:“\"]")
        nouns = alternatives(said.nouns_too)
        self.said_nouns = re.compile(rf"(?<!\w){adverb}(?:{nouns})(?!\w)")
        # offices.yaml's family names, and rarer ones of persons.yaml ("Quản")
        self.surnames = name_words().surnames | {fold(w) for w in data.surnames}
        # "đường Phạm Văn Đồng", "Trường THPT Chu Văn An", "phường Kim Tân": not people
        things = alternatives((*name_words_data().namesakes, *data.named_after))
        self.named_after = re.compile(rf"(?:^|\W)(?:{things})[ \t]+$")


@lru_cache(maxsize=1)
def tables() -> Tables:
    return Tables(load("persons.yaml", PersonWords))
