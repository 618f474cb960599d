"""`python -m linter ...` is `doichieu ...`."""

import sys

from linter.cli import main

sys.exit(main())
