"""An instance whose user data installs packages at every launch instead of starting from a baked image."""

import re

from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

# Package managers' install commands, as bootstrap scripts write them.
_INSTALL = re.compile(r"\b(yum|dnf|apt-get|apt|zypper|pip3?|npm)\s+(-\S+\s+)*install\b")


def _installs(node: ServiceNode) -> bool:
    return bool(_INSTALL.search(str(node.properties.get("user_data") or "")))


RULE = Rule(
    id="OPS-018",
    title="Software installed at boot",
    severity=Severity.INFO,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.MEDIUM,
    source=cite("002", "Bootstrap scripts"),
    description="Installing packages in a bootstrap script adds to the time every launch takes and makes each "
    "instance depend on package repositories being reachable and unchanged; immutable infrastructure bakes the "
    "software into an AMI and replaces instances instead of updating them.",
    remediation="Bake the packages into an AMI (e.g. with EC2 Image Builder or Packer) and keep user data to "
    "configuration.",
    check=each_service(
        ("ec2_instance",),
        lambda node, graph: _installs(node),
        lambda node, graph: f"{label(node)} installs packages in its user data at every launch",
    ),
    applies_to=("ec2_instance", "autoscaling_group"),
    tags=("deployment", "compute"),
    wa_best_practice="OPS05-BP04",
    checked="2026-11-23",
)
