"""EV03's held days (checks.held) read the place named between the verb and the day.

"được tổ chức tại TP Hồ Chí Minh ngày 10/5" gives the event its day across up to 40
characters of place: 3c461d1 wrote `_HELD` as an f-string and its "{0,40}" became
"(0, 40)", which lost a corpus finding and no test saw it."""

from __future__ import annotations

from checks import held
from linter import nlp


def test_a_place_between_the_verb_and_the_day_is_read_over() -> None:
    text = nlp.lower(
        "Hội thảo quốc tế về biến đổi khí hậu được tổ chức tại TP Hồ Chí Minh ngày 10/5. "
        "Diễn đàn khai mạc ngày 12/5. Hội chợ diễn ra tại một địa điểm rất xa, xa hơn bốn "
        "mươi ký tự ngày 20/5."
    )
    found = [(h.event, h.label, text[h.start : h.end]) for h in held.helds(text)]
    assert found == [
        ("hội thảo", "10/5", "được tổ chức tại tp hồ chí minh ngày 10/5"),
        ("diễn đàn", "12/5", "khai mạc ngày 12/5"),
    ]
