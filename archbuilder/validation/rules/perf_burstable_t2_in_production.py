"""Production compute on T2 burstable instances, which slow to a baseline once their CPU credits run out."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, is_production, label

INSTANCE_OWNERS = ("ec2_instance", "autoscaling_group", "elastic_beanstalk", "eks_node_group")

RULE = Rule(
    id="PERF-015",
    title="T2 burstable instances in production",
    severity=Severity.INFO,
    pillar=Pillar.PERFORMANCE_EFFICIENCY,
    effort=Effort.MEDIUM,
    source=cite("000", "EC2 Gotchas and Limitations"),
    description="T2 instances earn CPU credits while idle and spend them when busy; once an instance runs out of "
    "credits its performance degrades severely. Workloads that need consistently high CPU (busy websites, "
    "encoding) belong on fixed-performance instances.",
    remediation="Use a fixed-performance family (m, c or r) for steady production load, or a newer burstable "
    "family in unlimited mode for spiky load.",
    check=each_service(
        INSTANCE_OWNERS,
        lambda node, graph: (
            is_production(graph) and str(node.properties.get("instance_type") or "").startswith("t2.")
        ),
        lambda node, graph: (
            f"{label(node)} runs production load on {node.properties.get('instance_type')}, which slows to its "
            "baseline when CPU credits run out"
        ),
    ),
    applies_to=("ec2_instance", "autoscaling_group", "elastic_beanstalk", "eks_node_group"),
    tags=("compute",),
    wa_best_practice="PERF02-BP04",
    checked="2026-11-23",
)
