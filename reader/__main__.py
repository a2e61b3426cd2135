"""`python -m reader …`: the command line over the core."""

import sys

from reader.cli import main

if __name__ == "__main__":
    sys.exit(main())
