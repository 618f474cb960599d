"""Built-in checks, one module per family; registered through the `doichieu.checks`
entry-point group in pyproject.toml, never by importing this package."""
