"""Entry script of the bundle's `dubao-cli` executable: the command line over the core (`python -m reader`)."""

import sys

from reader.cli import main

if __name__ == "__main__":
    sys.exit(main())
