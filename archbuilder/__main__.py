"""`python -m archbuilder`: the `archbuilder` command."""

from archbuilder.launcher import console_main

console_main()
