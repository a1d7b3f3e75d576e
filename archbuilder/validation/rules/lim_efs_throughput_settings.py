"""EFS throughput settings that do not go together."""

from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_problem, label


def _problem(fs: ServiceNode) -> str | None:
    mode = fs.properties.get("throughput_mode")
    if mode == "provisioned" and not fs.properties.get("provisioned_throughput_mibps"):
        return f"{label(fs)} uses provisioned throughput but provisions none"
    if mode == "elastic" and fs.properties.get("performance_mode") == "maxIO":
        return f"{label(fs)} combines Elastic throughput with Max I/O mode; Elastic needs General Purpose"
    return None


RULE = Rule(
    id="LIM-068",
    title="EFS throughput settings that conflict",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("002", "EFS Performance"),
    description="EFS performance is set by a performance mode (General Purpose or Max I/O) and a throughput mode "
    "(bursting, provisioned, elastic): provisioned throughput needs the MiB/s to provision, and Elastic throughput "
    "works only with General Purpose mode.",
    remediation="Give provisioned throughput its MiB/s, and use General Purpose mode with Elastic throughput.",
    check=each_problem(("efs_file_system",), _problem),
    applies_to=("efs_file_system",),
    tags=("storage", "limits"),
    wa_best_practice="REL01-BP03",
    checked="2026-12-06",
    note="Beyond the guide's bursting-only EFS: provisioned (2018) and Elastic (2022) throughput modes.",
)
