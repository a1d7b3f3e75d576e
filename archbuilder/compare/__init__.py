"""Comparisons: the semantic difference of two templates or designs, and comparisons of designs."""
