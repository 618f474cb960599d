"""Stage 5, the application: argv in, an exit status and rendered output out.

`cli` parses the command line and runs the engine; `formats` loads the output
format asked for (`doichieu.formats` entry points, see `reports.base`);
`outputs` renders and writes files atomically; `gitdiff` lists the files
changed since a revision.

The garbage collector is tuned here, when the program starts and before its
imports (this package is imported before any of its modules), as mypy tunes
its own: a run allocates hundreds of thousands of objects that live until it
ends (models, claims, compiled patterns), and with CPython's default
thresholds (700, 10, 10) the collector scanned them again and again: about a
tenth of a draft's CPU (0.1 s of 1 s against a warm 5,000-document archive,
305 collections, two of them full). Nothing here makes reference cycles in
bulk, so the garbage a collection would find is freed by reference counting
anyway; collecting less often holds at most a few megabytes of cyclic garbage
longer. And at exit everything still alive is frozen (`gc.freeze`, the last
of the exit handlers): the interpreter's own last collection scanned it all
once more just before the process let it go, 0.08 s of a draft's run. Only
the cyclic collector stops there: objects are still freed when their last
reference goes, files flushed and closed, and the other exit handlers run
first. The engine (`linter.engine`) imported as a library leaves the collector
alone.
"""

import atexit
import gc
import platform

if platform.python_implementation() == "CPython":
    gc.set_threshold(200_000, 30, 30)
    atexit.register(gc.freeze)  # registered first, so run last
