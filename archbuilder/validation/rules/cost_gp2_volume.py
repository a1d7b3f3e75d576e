"""Block storage still on gp2, where gp3 costs less."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="COST-026",
    title="gp2 volume where gp3 costs less",
    severity=Severity.INFO,
    pillar=Pillar.COST_OPTIMIZATION,
    effort=Effort.LOW,
    source=cite("002", "EBS Volume Types"),
    description="gp3 volumes cost about 20% less per GiB than gp2 and give a baseline of 3,000 IOPS and 125 MiB/s "
    "whatever their size, where gp2 ties IOPS to size (3 per GiB); a volume can be changed from gp2 to gp3 in "
    "place.",
    remediation="Use gp3 (and provision IOPS or throughput above the baseline only if needed).",
    check=each_service(
        ("ebs_volume", "ec2_instance", "autoscaling_group"),
        lambda node, graph: node.properties.get("volume_type") == "gp2",
        lambda node, graph: f"{label(node)} uses gp2 storage, which costs more than gp3 for the same size",
    ),
    applies_to=("ebs_volume", "ec2_instance", "autoscaling_group"),
    tags=("cost", "storage"),
    wa_best_practice="COST06-BP02",
    checked="2026-12-06",
    note="The guide predates gp3 (2020), which is cheaper than gp2 and decouples IOPS from size.",
)
