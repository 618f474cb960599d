"""Stage 1, reading: a path (or a draft's bytes) in, a `Document` out.

In: paths from the command line or the configuration. Out: `Document` values
(the text as the parser sees it, an offset map back to every character of the
file, the front matter's metadata), or a `LoadProblem` that becomes DC01/DC02.
`listing` decides which files and their shown names, `loading` which reader,
and caps sizes; `readers` is the
contract and registry of the document formats (`doichieu.readers` entry points);
one module per built-in format (`txttext`, `mdtext`, `htmltext`, `docxtext`,
`pdftext`); `encodings` (with `legacy`, the pre-Unicode fonts), `frontmatter` and
`textbuild` (a document's text and its map back to the file)
are shared by them.
"""
