"""A SageMaker notebook instance with direct internet access or root access for its users."""

from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_problem, label


def _problem(notebook: ServiceNode) -> str | None:
    opened = [
        what
        for what, name in (
            ("direct internet access", "direct_internet_access"),
            ("root access", "root_access"),
        )
        if notebook.properties.get(name) is True
    ]
    if not opened:
        return None
    return f"{label(notebook)} gives its users {' and '.join(opened)}"


RULE = Rule(
    id="SEC-038",
    title="Notebook instance with internet or root access",
    severity=Severity.WARNING,
    pillar=Pillar.SECURITY,
    effort=Effort.HIGH,
    source=cite("003", "- Minimize Internet Exposure - expose only necessary resources in public subnets"),
    description="A notebook instance with direct internet access reaches (and is reachable through) the internet "
    "outside the VPC's controls, and root access lets its users change anything on the instance, the "
    "credentials of its role included; notebooks hold data and run arbitrary code.",
    remediation="Turn direct internet access off and attach the notebook to private subnets (with endpoints or a "
    "NAT gateway for what it needs), and turn root access off.",
    check=each_problem(("sagemaker_notebook",), _problem),
    applies_to=("sagemaker_notebook",),
    tags=("exposure", "access"),
    wa_best_practice="SEC05-BP01",
    checked="2026-12-06",
)
