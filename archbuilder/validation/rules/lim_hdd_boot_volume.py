"""An instance whose root volume is an HDD type that cannot boot."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

HDD = {"st1", "sc1"}

RULE = Rule(
    id="LIM-013",
    title="HDD volume as boot volume",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("002", "EBS Volume Types"),
    description="Throughput-optimized (st1) and cold (sc1) HDD volumes cannot be boot volumes; an instance or "
    "launch configuration with one as its root volume fails to launch.",
    remediation="Use gp3 (or io2) for the root volume and attach st1/sc1 as a separate data volume.",
    check=each_service(
        ("ec2_instance", "autoscaling_group"),
        lambda node, graph: node.properties.get("volume_type") in HDD,
        lambda node, graph: (
            f"{label(node)} boots from a {node.properties.get('volume_type')} volume, which cannot boot"
        ),
    ),
    applies_to=("ec2_instance", "autoscaling_group"),
    tags=("limits", "storage", "compute"),
    wa_best_practice="REL01-BP03",
    checked="2026-11-22",
)
