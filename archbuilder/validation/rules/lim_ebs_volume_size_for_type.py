"""An EBS volume smaller or larger than its type allows."""

from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_problem, label
from archbuilder.validation.rules._links import count

# Volume size range in GiB by type (gp3's ceiling is left out: it rose in 2025 and the catalog caps it).
SIZES = {
    "gp2": (1, 16384),
    "gp3": (1, None),
    "io1": (4, 16384),
    "io2": (4, 65536),
    "st1": (125, 16384),
    "sc1": (125, 16384),
    "standard": (1, 1024),
}


def _problem(volume: ServiceNode) -> str | None:
    kind = str(volume.properties.get("volume_type") or "gp3")
    if kind not in SIZES:
        return None
    size = count(volume.properties.get("volume_size_gb"), 100)
    low, high = SIZES[kind]
    if size < low:
        return f"{label(volume)} is {size} GiB of {kind}; {kind} volumes start at {low} GiB"
    if high is not None and size > high:
        return f"{label(volume)} is {size:,} GiB of {kind}; {kind} volumes hold at most {high:,} GiB"
    return None


RULE = Rule(
    id="LIM-069",
    title="Volume size outside its type's range",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("002", "EBS Volume Types"),
    description="Each EBS volume type has its size range: throughput-optimized and cold HDD (st1, sc1) start at "
    "125 GiB, Provisioned IOPS at 4 GiB, magnetic volumes stop at 1 TiB and the others at 16 TiB, io2 Block Express "
    "at 64 TiB. A volume outside its type's range is refused.",
    remediation="Resize the volume into its type's range, or choose a type that fits the size.",
    check=each_problem(("ebs_volume",), _problem),
    applies_to=("ebs_volume",),
    tags=("storage", "limits"),
    wa_best_practice="REL01-BP03",
    checked="2026-12-06",
)
