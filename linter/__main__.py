"""`python -m linter ...` is `doichieu ...`."""

import sys

from linter.app.cli import main

sys.exit(main())
