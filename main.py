"""Start Dubao from a checkout: `python main.py [PATH] [--present PATH] [--install-desktop] …` (same as `dubao`)."""

import sys

from reader.ui.launch import main

if __name__ == "__main__":
    sys.exit(main())
