"""Comparisons: the semantic difference of two templates or designs, two designs side by side (findings,
lock-in, cost), and one design with a service swapped for an alternative."""
