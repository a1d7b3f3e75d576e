"""A provisioned-IOPS volume asking for more IOPS than its size or type allows."""

from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_problem, label
from archbuilder.validation.rules._links import count

# Per volume type: IOPS per provisioned GiB, and the most one volume gives. Every io2 volume is an io2 Block Express
# volume since April 2025: 1,000 IOPS per GiB, up to 256,000 (on Nitro instances).
IOPS_PER_GIB = {"io1": 50, "io2": 1000}
MAX_IOPS = {"io1": 64000, "io2": 256000}


def _problem(volume: ServiceNode) -> str | None:
    kind = volume.properties.get("volume_type")
    iops, size = count(volume.properties.get("iops")), count(volume.properties.get("volume_size_gb"))
    if kind not in IOPS_PER_GIB or iops <= 0 or size <= 0:
        return None
    ceiling = MAX_IOPS.get(str(kind))
    if ceiling is not None and iops > ceiling:
        return f"{label(volume)} asks for {iops:,} IOPS; an {kind} volume gives at most {ceiling:,}"
    allowed = IOPS_PER_GIB[str(kind)] * size
    if iops > allowed:
        return (
            f"{label(volume)} asks for {iops:,} IOPS on {size:,} GiB of {kind}, which allows at most {allowed:,} "
            f"({IOPS_PER_GIB[str(kind)]:,} IOPS per GiB)"
        )
    return None


check = each_problem(("ebs_volume",), _problem)


RULE = Rule(
    id="LIM-028",
    title="Provisioned IOPS beyond the volume's size",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("002", "EBS Volume Types"),
    description="Provisioned IOPS volumes are sized together with their IOPS: io1 gives up to 50 IOPS per GiB and "
    "64,000 per volume, io2 (Block Express) up to 1,000 IOPS per GiB and 256,000 per volume; a volume asking for "
    "more is refused.",
    remediation="Enlarge the volume, lower the IOPS, or move to io2, which allows twenty times the IOPS per GiB.",
    check=check,
    checked="2026-12-06",
    note="The guide gives io2 500 IOPS per GiB and 64,000 per volume; io2 Block Express volumes (every io2 volume "
    "since April 2025) give 1,000 IOPS per GiB and up to 256,000 IOPS.",
    applies_to=("ebs_volume",),
    tags=("limits", "storage"),
    wa_best_practice="REL01-BP03",
)
