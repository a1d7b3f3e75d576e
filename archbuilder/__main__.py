"""`python -m archbuilder`: the `archbuilder` command."""

from archbuilder.launcher import main

raise SystemExit(main())
