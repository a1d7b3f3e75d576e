"""Which kinds of connection make sense from one service to another: the kinds the target accepts, less
those the source cannot start (an ALB does not replicate into an RDS database, a bucket does not attach
itself to a load balancer). Asked when the GUI offers a kind for a new connection."""

from __future__ import annotations

from archbuilder.catalog import Catalog, Category, ConnectionKind

# What only some services start: a DNS record comes from a hosted zone, an origin request from a CDN, a
# subscription from a topic; attachments are certificates, firewalls, keys, addresses, volumes and roles.
ONLY_FROM = {
    ConnectionKind.DNS: {"route53_zone"},
    ConnectionKind.ORIGIN: {"cloudfront_distribution", "global_accelerator"},
    ConnectionKind.SUBSCRIBE: {"sns_topic"},
    ConnectionKind.ROUTE: {"internet_gateway", "nat_gateway", "vpc_endpoint_gateway", "transit_gateway"},
}
ATTACHABLE = {"elastic_ip", "ebs_volume", "iam_role", "security_group", "network_acl", "shield"}


def kinds_between(catalog: Catalog, source_type: str, target_type: str) -> list[ConnectionKind]:
    """The target's accepted kinds (catalog order) that the source can start."""
    source = catalog.get(source_type)
    kinds = []
    for kind in catalog.get(target_type).accepts:
        if kind in ONLY_FROM and source_type not in ONLY_FROM[kind]:
            continue
        if kind is ConnectionKind.REPLICATE and source_type != target_type:
            continue  # a copy of a store goes to a store of the same kind
        if kind is ConnectionKind.ATTACH and not (
            source.category is Category.SECURITY or source_type in ATTACHABLE
        ):
            continue
        kinds.append(kind)
    return kinds
