"""``python -m chartist`` runs the command line."""

from chartist.cli.main import main

raise SystemExit(main())
