"""Stage 5, the application: argv in, an exit status and rendered output out.

`cli` parses the command line and runs the engine; `formats` loads the output
format asked for (`doichieu.formats` entry points, see `reports.base`);
`outputs` renders and writes files atomically; `gitdiff` lists the files
changed since a revision.
"""
