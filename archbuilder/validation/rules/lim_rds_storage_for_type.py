"""RDS storage smaller or larger than its type and engine allow."""

from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_problem, label
from archbuilder.validation.rules._links import count

PROVISIONED_IOPS_MIN_GIB = 100
SQLSERVER_MAX_GIB = 16384


def _problem(database: ServiceNode) -> str | None:
    size = count(database.properties.get("allocated_storage_gb"), 20)
    storage, engine = database.properties.get("storage_type"), str(database.properties.get("engine") or "")
    if storage in ("io1", "io2") and size < PROVISIONED_IOPS_MIN_GIB:
        return f"{label(database)} has {size} GiB of {storage}; Provisioned IOPS storage starts at 100 GiB"
    if engine.startswith("sqlserver") and size > SQLSERVER_MAX_GIB:
        return f"{label(database)} asks for {size:,} GiB; SQL Server databases on RDS hold at most 16,384 GiB"
    return None


RULE = Rule(
    id="LIM-066",
    title="Database storage outside its limits",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("000", "RDS Gotchas and Limitations"),
    description="RDS storage has limits per type and engine: Provisioned IOPS storage (io1, io2) is at least "
    "100 GiB, and SQL Server instances hold at most 16 TiB where the other engines reach 64 TiB.",
    remediation="Allocate at least 100 GiB of Provisioned IOPS storage (or use gp3), and keep SQL Server databases "
    "within 16 TiB (or split the data).",
    check=each_problem(("rds_instance",), _problem),
    applies_to=("rds_instance",),
    tags=("database", "storage", "limits"),
    wa_best_practice="REL01-BP03",
    checked="2026-12-06",
    note="The guide gives 6 TB (4 TB for SQL Server); RDS limits are 64 TiB and 16 TiB today.",
)
