"""Stage 4, the engine: documents and checks in, a `RunResult` out.

In: the configuration (`config`), the paths to check and the registered checks.
Out: a sorted, deterministic `RunResult` of findings. `run` lists and parses
the files, as `options` (what a run is asked) says, and adjusts, suppresses and
sorts the findings; `parsing` runs stages 1-3 in parallel behind the `cache`
(its SQLite store; `rows` what an entry's row holds, made and read back; keyed
as `keys` says); `checkphase` groups documents by province and event and runs
every check on every group (one crashing check becomes EN01), or takes a
group's findings from the cache; `focus` labels a draft's findings;
`policy` applies what the configuration changes (select, ignore, severity);
`suppress` applies inline suppressions and the baseline.
"""
