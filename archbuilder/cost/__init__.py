"""Offline cost estimates: the shipped price table, usage scenarios and the cost model (no Qt)."""
