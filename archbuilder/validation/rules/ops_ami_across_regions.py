"""One literal AMI id used by instances or scaling groups in different regions."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label

LAUNCHERS = ("ec2_instance", "autoscaling_group")


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    # AMI id -> the launchers naming it; SSM parameter references (resolve:ssm:...) resolve per region and are fine.
    users: dict[str, list[ServiceNode]] = {}
    for node in services_of_type(graph, *LAUNCHERS):
        ami = str(node.properties.get("ami") or "").strip()
        if ami.startswith("ami-"):
            users.setdefault(ami, []).append(node)
    findings = []
    for ami in sorted(users):
        regions = sorted({r for node in users[ami] if (r := graph.placements[node.id].region) is not None})
        if len(regions) > 1:
            names = ", ".join(label(node) for node in users[ami])
            findings.append(
                rule.finding(
                    users[ami],
                    f"{ami} is launched in {' and '.join(regions)} (by {names}), but an AMI exists in one region only",
                )
            )
    return findings


RULE = Rule(
    id="OPS-022",
    title="One AMI id used in several regions",
    severity=Severity.ERROR,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.MEDIUM,
    source=cite("000", "AMI Tips"),
    description="AMIs are per region: an AMI id names an image in one region only, so launching it in another "
    "fails. The image has to be copied (AMI Copy) and the copy's own id used there.",
    remediation="Copy the AMI to each region and use each region's id, or reference a public SSM parameter "
    "(resolve:ssm:...) that resolves to the right image in every region.",
    check=check,
    applies_to=("ec2_instance", "autoscaling_group"),
    tags=("deployment", "compute"),
    wa_best_practice="OPS05-BP03",
    checked="2026-11-23",
)
