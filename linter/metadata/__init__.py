"""Stage 2, metadata: a `Document` in, the same document with `DocumentMeta` out.

In: a `Document` whose front matter may say nothing. Out: its date, province,
district and issuer, each with the provenance of how it was inferred (front
matter, file name, the text), and its year. `infer` decides; `pubdate` reads
dates from the text, `present` the year an undated text calls its own;
`gazetteer` knows the administrative units before and after the 2025 merger
(`units` are its values; `gazstore` keeps its tables beside the parse cache);
`mentions` finds the places a text names.
"""
