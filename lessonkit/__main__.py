"""Entry point for ``python -m lessonkit``."""

import sys

from .cli import main

sys.exit(main())
