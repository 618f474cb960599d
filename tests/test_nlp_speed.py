"""linter.nlp uses underthesea's splitter and normaliser without importing the
package (whose import alone costs about 0.4 s): same answers, less startup."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import REPO, real_corpus_or_skip
from linter import nlp


def test_sentences_and_fold_equal_underthesea_on_real_articles() -> None:
    from underthesea import sent_tokenize
    from underthesea.pipeline.text_normalize.token_normalize import token_normalize

    texts = [p.read_text(encoding="utf-8") for p in sorted(real_corpus_or_skip().rglob("*.txt"))]
    assert len(texts) >= 30
    paragraphs = words = 0
    for text in texts:
        for paragraph in re.findall(r"[^\n]+", text):
            paragraphs += 1
            spans = nlp._split(paragraph)  # what nlp.sentences uses
            assert [paragraph[a:b] for a, b in spans] == sent_tokenize(paragraph)
        for word in set(re.findall(r"\w+", text)):
            words += 1
            assert nlp._token_normalize(word.lower()) == token_normalize(word.lower()), word
    # old tone placement and a decomposed letter are among what the tables unify
    assert nlp.fold("Hoà Bình, uỷ ban") == "hòa bình, ủy ban"
    assert nlp.fold("Thu nhập bình quân đạt 4,5 triệu") == "thu nhập bình quân đạt 4,5 triệu"
    assert paragraphs > 300 and words > 3000


def test_a_run_does_not_import_the_underthesea_package() -> None:
    code = (
        "import sys; from linter import nlp; "
        "print(nlp.sentences('Một câu. Câu hai.'), nlp.fold('Hoà'), "
        "'underthesea' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    ).stdout
    assert out.strip() == "[(0, 8), (9, 17)] hòa False"
