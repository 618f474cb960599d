"""Reporters that format a `linter.models.RunResult`; see `reports.html` for the HTML page."""
