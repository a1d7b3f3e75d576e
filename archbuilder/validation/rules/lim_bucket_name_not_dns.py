"""S3 bucket names that are not DNS compliant."""

import re

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

_VALID = re.compile(r"^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")


def _bad(name: object) -> bool:
    return isinstance(name, str) and name != "" and not _VALID.match(name)


RULE = Rule(
    id="LIM-005",
    title="Bucket name not DNS compliant",
    severity=Severity.WARNING,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.HIGH,
    source=cite("000", "S3 Tips"),
    description="Bucket names share one global namespace and appear in host names; names with dots break HTTPS "
    "certificate matching, and upper case or underscores are not DNS compliant.",
    remediation="Use 3-63 lower-case letters, digits and dashes, with a company prefix to avoid collisions.",
    check=each_service(
        ("s3_bucket",),
        lambda node, graph: _bad(node.properties.get("bucket_name")),
        lambda node, graph: (
            f"{label(node)} has bucket name {node.properties.get('bucket_name')!r}, which is not DNS compliant"
        ),
    ),
    applies_to=("s3_bucket",),
    tags=("limits", "storage", "tls"),
    wa_best_practice="REL01-BP03",
    checked="2026-11-22",
)
