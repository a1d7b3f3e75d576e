"""A CloudHSM cluster whose HSMs all sit in one Availability Zone."""

from archbuilder.graph.queries import zones_spanned
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label
from archbuilder.validation.rules._links import count

RULE = Rule(
    id="REL-068",
    title="CloudHSM cluster in one AZ",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.HIGH,
    source=cite("002", "CloudHSM"),
    description="A cluster's HSMs are placed in the subnets of the cluster; with all of them in one Availability "
    "Zone, an AZ outage takes every copy of the keys offline at once.",
    remediation="Give the cluster subnets in two or more AZs so its HSMs are spread over them.",
    check=each_service(
        ("cloudhsm_cluster",),
        lambda node, graph: (
            count(node.properties.get("hsm_count"), 1) >= 2 and len(zones_spanned(graph, node)) == 1
        ),
        lambda node, graph: f"{label(node)} keeps all its HSMs in {sorted(zones_spanned(graph, node))[0]}",
    ),
    applies_to=("cloudhsm_cluster",),
    tags=("encryption", "multi-az"),
    wa_best_practice="REL10-BP01",
    checked="2026-12-06",
)
