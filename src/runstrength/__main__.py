"""Run the command line interface: ``python -m runstrength``."""

from runstrength.cli import main

raise SystemExit(main())
