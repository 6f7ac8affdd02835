"""`python -m innoscan` runs the command line."""

from innoscan.cli import main

raise SystemExit(main())
