"""The tags the exports put on every resource that takes tags (the production defaults: the design's environment
and name), for tests that compare whole resources."""

from __future__ import annotations


def design_tags(
    design: str = "Untitled architecture", environment: str = "production"
) -> list[dict[str, str]]:
    return [{"Key": "Environment", "Value": environment}, {"Key": "Design", "Value": design}]
